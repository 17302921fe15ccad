namespace Safeguard.Core.People.Matching;

/// <summary>
/// Common English short forms and the formal names they stand for, so "Bill" finds William and "Kate" finds
/// Catherine. A short form may stand for several names (Alex: Alexander or Alexandra). Our own list of
/// well-known pairs; forces can grow it.
/// </summary>
public static class Nicknames
{
    // Formal name, then the short forms and spellings people use for it.
    private static readonly string[][] Families =
    [
        ["william", "bill", "billy", "will", "willie", "liam", "wil"],
        ["robert", "bob", "bobby", "rob", "robbie", "bert"],
        ["richard", "dick", "rick", "ricky", "rich", "richie"],
        ["james", "jim", "jimmy", "jamie", "jimbo"],
        ["john", "jack", "johnny", "jon", "jonny"],
        ["jonathan", "jon", "jonny", "nathan"],
        ["thomas", "tom", "tommy"],
        ["michael", "mike", "mick", "micky", "mickey", "mikey"],
        ["christopher", "chris", "kit", "topher"],
        ["christine", "chris", "chrissie", "tina"],
        ["christina", "chris", "chrissie", "tina"],
        ["anthony", "tony", "ant"],
        ["daniel", "dan", "danny"],
        ["david", "dave", "davey", "davy"],
        ["edward", "ed", "eddie", "ted", "teddy", "ned"],
        ["stephen", "steve", "stevie"],
        ["steven", "steve", "stevie"],
        ["matthew", "matt", "matty"],
        ["andrew", "andy", "drew"],
        ["joseph", "joe", "joey", "jo"],
        ["samuel", "sam", "sammy"],
        ["samantha", "sam", "sammy", "sammie"],
        ["alexander", "alex", "alec", "sandy", "xander"],
        ["alexandra", "alex", "lexi", "sandra", "sandy"],
        ["benjamin", "ben", "benny", "benji"],
        ["nicholas", "nick", "nicky"],
        ["nicola", "nicky", "nikki"],
        ["charles", "charlie", "chas", "chuck"],
        ["charlotte", "charlie", "lottie", "lotte"],
        ["henry", "harry", "hal", "hank"],
        ["harold", "harry", "hal"],
        ["frederick", "fred", "freddie", "freddy"],
        ["peter", "pete"],
        ["patrick", "pat", "paddy"],
        ["patricia", "pat", "patsy", "trish", "tricia"],
        ["timothy", "tim", "timmy"],
        ["gregory", "greg"],
        ["geoffrey", "geoff", "jeff"],
        ["jeffrey", "jeff"],
        ["kenneth", "ken", "kenny"],
        ["ronald", "ron", "ronnie"],
        ["donald", "don", "donnie"],
        ["leonard", "len", "lenny", "leo"],
        ["lawrence", "larry", "laurie"],
        ["terence", "terry"],
        ["raymond", "ray"],
        ["philip", "phil", "pip"],
        ["mohammed", "mo", "moe"],
        ["catherine", "kate", "katie", "cath", "cathy", "kat", "kathy", "kay", "cate"],
        ["katherine", "kate", "katie", "kathy", "kat", "kay"],
        ["elizabeth", "liz", "lizzie", "beth", "betty", "bess", "eliza", "libby", "lisa", "betsy"],
        ["margaret", "maggie", "meg", "peggy", "marge", "madge", "greta", "rita"],
        ["rebecca", "becky", "becca", "bex"],
        ["jennifer", "jen", "jenny", "jenni"],
        ["jessica", "jess", "jessie"],
        ["victoria", "vicky", "vikki", "tori", "vic"],
        ["susan", "sue", "suzy", "susie"],
        ["deborah", "debbie", "deb", "debs"],
        ["rachel", "rach"],
        ["abigail", "abby", "abbie", "gail"],
        ["amanda", "mandy"],
        ["barbara", "barb", "babs"],
        ["dorothy", "dot", "dotty", "dolly"],
        ["eleanor", "ellie", "nell", "nora", "elle"],
        ["helen", "nell"],
        ["jacqueline", "jackie", "jacqui"],
        ["josephine", "jo", "josie"],
        ["joanne", "jo", "jojo"],
        ["joanna", "jo"],
        ["kimberley", "kim"],
        ["kimberly", "kim"],
        ["lucinda", "lucy", "cindy"],
        ["madeleine", "maddie", "maddy"],
        ["natalie", "nat"],
        ["natasha", "tash", "tasha", "nat"],
        ["pamela", "pam"],
        ["penelope", "penny"],
        ["sarah", "sally", "sadie"],
        ["stephanie", "steph", "stevie"],
        ["theresa", "tess", "tessa", "terri", "tracy"],
        ["valerie", "val"],
        ["wendy", "gwendoline"],
        ["zoe", "zoey"],
        ["gemma", "gem"],
        ["kathleen", "kath", "kathy", "kay"],
        ["caroline", "carol", "caz", "carrie"],
        ["louise", "lou", "lulu"],
        ["lewis", "lou"],
        ["frances", "fran", "frankie"],
        ["francis", "frank", "frankie"],
        ["gabriel", "gabe"],
        ["gabrielle", "gabby", "gabi"],
        ["isabella", "bella", "izzy", "issy"],
        ["isabel", "bella", "izzy", "issy"],
        ["daniella", "dani"],
        ["danielle", "dani"],
    ];

    private static readonly Dictionary<string, string[]> Groups = Build();

    private static Dictionary<string, string[]> Build()
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var family in Families)
        {
            foreach (var name in family)
            {
                if (!map.TryGetValue(name, out var set))
                {
                    map[name] = set = [];
                }

                set.Add(family[0]);
            }
        }

        return map.ToDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The formal names a given name may stand for: itself if it is not a known short form.</summary>
    public static IReadOnlyList<string> FormalNames(string normalisedGiven) =>
        Groups.TryGetValue(normalisedGiven, out var formal) ? formal : [normalisedGiven];

    /// <summary>Whether two different given names can be the same person's (Bill and William; Kate and Katie).</summary>
    public static bool AreVariants(string a, string b) =>
        a != b && FormalNames(a).Intersect(FormalNames(b), StringComparer.Ordinal).Any();
}
