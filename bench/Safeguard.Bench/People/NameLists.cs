namespace Safeguard.Bench.People;

/// <summary>
/// Name, street and town lists for the synthetic person index, roughly in order of how common each is, so a
/// Zipf-like draw makes Smith and Jones common and Zielinski rare. Names are ordinary first names and surnames
/// found across the UK (English, Scottish, Welsh, Irish, South Asian, Polish, Caribbean, African); nobody
/// real is described. Towns are invented; their postcode areas only look like real ones.
/// </summary>
internal static class NameLists
{
    public static readonly string[] Female = Split("""
        Olivia Amelia Isla Ava Mia Sophia Grace Lily Freya Emily Ivy Ella Rosie Evie Florence Poppy Charlotte
        Willow Isabella Sienna Elsie Phoebe Daisy Alice Matilda Sophie Emma Jessica Sarah Laura Hannah Rebecca
        Lauren Amy Chloe Megan Katie Rachel Gemma Nicola Claire Lisa Michelle Joanne Karen Susan Julie Helen
        Deborah Tracey Angela Louise Kelly Donna Amanda Catherine Katherine Kathryn Elizabeth Margaret Mary
        Patricia Jennifer Linda Barbara Dorothy Joan Jean Pauline Christine Janet Brenda Carol Sandra Shirley
        Valerie Maureen Sheila Irene Doreen Eileen Elaine Diane Denise Wendy Alison Caroline Victoria Samantha
        Natalie Stephanie Jacqueline Zoe Abigail Charlotte Lucy Eleanor Natasha Kimberley Danielle Leanne Jade
        Aaliyah Amira Fatima Aisha Ayesha Zainab Maryam Khadija Noor Hafsa Sana Priya Anjali Pooja Sunita Neha
        Simran Harpreet Manpreet Gurpreet Jasmine Nadia Yasmin Shazia Rukhsana Nasreen Parveen Farzana Shabana
        Agnieszka Katarzyna Magdalena Anna Joanna Monika Ewelina Aleksandra Justyna Marta Dorota Beata Zofia
        Siobhan Niamh Aoife Ciara Roisin Orla Sinead Bridget Maeve Kathleen Nora Shannon Ffion Cerys Seren Bethan
        Rhian Sian Megan Mairi Eilidh Kirsty Morag Fiona Shona Chantelle Shanice Tanisha Keisha Marcia Beverley
        Yvonne Sonia Paulette Claudette Adaeze Chioma Ngozi Amara Folake Abimbola Funmilayo Blessing Precious
        Esther Ruth Naomi Deborah Grace Mercy Joy Comfort Patience Faith Hope Ama Akosua Abena Efua Wanjiru Zawadi
        Leah Molly Ellie Holly Millie Erin Niamh Maisie Ruby Layla Harriet Beatrice Ivy Thea Martha Edith Mabel
        Rose Violet Hazel Frances Teresa Theresa Josephine Joanna Gillian Jane Lesley Marion Rita Lynn Julia
        Stacey Kerry Vicky Carly Kayleigh Jodie Hayley Toni Bethany Paige Courtney Demi Tia Shauna Aimee Caitlin
        """);

    public static readonly string[] Male = Split("""
        Oliver George Noah Arthur Muhammad Leo Harry Oscar Archie Henry Theodore Freddie Jack Charlie Theo Alfie
        Jacob Thomas Finley Arlo William Lucas Roman Tommy Isaac Teddy Alexander Luca Edward James Joshua Daniel
        Samuel Joseph Benjamin Matthew Ryan Adam Luke Liam Jake Callum Connor Kieran Jamie Nathan Lewis Dylan
        John David Michael Paul Andrew Mark Richard Robert Peter Stephen Steven Christopher Anthony Kevin Gary
        Ian Simon Martin Neil Stuart Graham Darren Lee Wayne Dean Craig Scott Jason Shaun Carl Barry Keith Brian
        Colin Derek Dennis Terence Raymond Kenneth Ronald Donald Roy Frank Ernest Albert Frederick Harold Leonard
        Stanley Walter Norman Douglas Gordon Alan Trevor Philip Geoffrey Malcolm Nigel Clive Roger Timothy Patrick
        Mohammed Mohammad Mohamed Ahmed Ali Hassan Hussain Ibrahim Yusuf Omar Bilal Imran Tariq Asif Zubair Amir
        Faisal Rizwan Usman Adnan Kamran Shahid Arif Raj Ravi Sanjay Vijay Amit Rajesh Sunil Anil Deepak Harjit
        Gurdeep Jaswinder Sukhwinder Kuldip Arjun Rohan Aarav Krishna Vikram Sandeep Piotr Krzysztof Tomasz Pawel
        Michal Marcin Jakub Lukasz Grzegorz Mateusz Adrian Kamil Dawid Rafal Wojciech Szymon Seamus Sean Padraig
        Ciaran Declan Eoin Cormac Niall Conor Fergus Aidan Rory Brendan Dermot Gareth Rhys Dafydd Owain Huw Iwan
        Gethin Emyr Alasdair Hamish Angus Callum Euan Fraser Ross Duncan Winston Delroy Leroy Clifton Errol
        Desmond Lloyd Marlon Courtney Tyrone Jermaine Andre Kwame Kofi Kwabena Yaw Chinedu Emeka Oluwaseun Tunde
        Adebayo Obinna Chukwuma Babajide Olumide Femi Segun Tendai Tafadzwa Kipchoge Jabari Abdi Mahad Abdullahi
        Ethan Mason Logan Harvey Reuben Tobias Felix Max Sebastian Hugo Elliot Jude Ronan Zachary Toby Louis
        Jonathan Nicholas Gregory Jeffrey Bernard Vincent Victor Eric Arnold Cyril Sidney Herbert Harry Tony
        Bradley Jordan Ashley Jamal Elijah Joel Aaron Nathaniel Gabriel Caleb Reece Kai Tyler Mitchell Billy
        """);

    public static readonly string[] Surnames = Split("""
        Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright
        Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill
        Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker
        Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy
        Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman
        Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes Knight
        Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher
        Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West
        Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant
        Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page
        Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson Newton Oliver
        Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry Burgess Bishop Walton
        Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald Yates
        Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss McCarthy Chambers O'Neill Griffin
        Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle Wallace George Jordan Hutchinson Rahman
        Miah Uddin Islam Hossain Chowdhury Akhtar Iqbal Mahmood Mahmud Aziz Rashid Malik Qureshi Siddiqui Sheikh
        Butt Javed Anwar Hassan Bibi Nawaz Raza Sharif Yousaf Mirza Abbas Haider Kazmi Bukhari Chaudhry Rana
        Sharma Kumar Gupta Mistry Parmar Chauhan Solanki Joshi Mehta Desai Shah Modi Thakkar Lad Rathod Makwana
        Sandhu Sidhu Dhillon Gill Grewal Johal Bains Sahota Atwal Basra Virdi Bhogal Mann Randhawa Dhaliwal
        Nowak Kowalski Kowalska Wisniewski Wisniewska Wojcik Kowalczyk Kaminski Kaminska Lewandowski Zielinski
        Szymanski Wozniak Dabrowski Kozlowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski
        Pawlowski Michalski Nowicki Adamczyk Dudek Zajac Wieczorek Jablonski Krol Majewski Olszewski Jaworski
        Wrobel Malinowski Pawlak Witkowski Walczak Stepien Gorski Rutkowski Michalak Sikora Ostrowski Baran
        Duda Szewczyk Tomaszewski Pietrzak Marciniak Wroblewski Zalewski Jakubowski Jasinski Zawadzki Sadowski
        Murphy Kelly O'Sullivan Walsh Byrne Ryan O'Connor O'Reilly Doyle McCarthy Gallagher O'Doherty Kennedy
        Lynch Murray Quinn Moore McLoughlin O'Carroll Connolly Daly O'Connell Dunne Brennan Burke Collins
        Campbell Clarke Fitzgerald Flanagan Kavanagh Keane Kearney Keegan Mahony Maguire McGrath McGuinness
        McKenna McLaughlin McMahon Moran Nolan O'Donnell O'Mahony O'Shea Power Regan Sheehan Sweeney Tierney
        Whelan Brady Boyle Cullen Cunningham Donnelly Duffy Farrell Fahy Geraghty Hegarty Hennessy Higgins
        Mooney Mulligan Noonan Phelan Quigley Rafferty Rooney Scanlon Shanahan Tobin Tracey Ward Costello
        Macdonald MacLeod Mackenzie Mackay Macleod MacKinnon Macintyre MacGregor Maclean Macpherson Fraser
        Sinclair Munro Ferguson Buchanan Cameron Douglas Drummond Forbes Gunn Innes Kerr Lindsay Mackintosh
        Menzies Ogilvie Paterson Ramsay Sutherland Urquhart Wishart Baird Boyd Crawford Dalgleish Dewar Findlay
        Gilchrist Haig Hendry Kirkpatrick Laidlaw Lockhart McAllister McBride McCallum McCormick McEwan McFarlane
        McGowan McIntosh McKay McLean McNeil Morrison Pollock Rennie Strachan Tait Thomson Watt Hay Brodie
        Llewellyn Pritchard Vaughan Jenkins Powell Price Prosser Pugh Rowlands Howells Bowen Gwynne Meredith
        Parry Probert Bevan Beddoe Cadwalader Gittins Griffith Jarman Lewis Madoc Morgans Nash Prydderch Rhys
        Francis Grant Campbell Brown Williams Henry Reid Gordon Clarke Bailey Stewart Thompson Forbes Barnes
        Lindo Gayle Bryan Samuels Ricketts Spence Morgan Blake McKenzie Dacosta Ferguson Gooden Hinds Hylton
        Johnson Lawrence McFarlane Mullings Nembhard Palmer Powell Richards Rowe Sinclair Walters Wynter Grey
        Okafor Okonkwo Adeyemi Adebayo Oluwole Okeke Eze Nwosu Obi Chukwu Onyeka Balogun Bello Afolabi Ogunleye
        Ogundipe Akinola Akande Adeleke Olatunji Mensah Asante Boateng Owusu Osei Agyeman Appiah Darko Addo
        Acheampong Nkrumah Kamara Conteh Sesay Koroma Bangura Mwangi Kamau Otieno Odhiambo Njoroge Kariuki
        Hassan Mohamed Abdi Ahmed Farah Warsame Jama Hirsi Dube Moyo Ncube Sibanda Ndlovu Chikwanha Mutasa
        Haddad Nasser Khalil Mansour Saleh Karimi Hosseini Rahimi Ahmadi Yilmaz Demir Kaya Celik Sahin Ozturk
        Nguyen Tran Le Pham Wong Chan Li Zhang Wang Chen Liu Lam Cheung Ho Ng Yip Leung Kwok Tang Lau
        Silva Santos Ferreira Pereira Costa Rodrigues Oliveira Fernandes Goncalves Gomes Lopes Marques Alves
        Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa
        Popescu Ionescu Popa Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Petrov Ivanov Horvath Nagy Kovacs
        Kazlauskas Jankauskas Petrauskas Berzins Ozols Kalnins Tamm Saar Novak Svoboda Dvorak Cerny Horak
        Abbott Ainsworth Akers Alcock Allsop Appleby Archer Arnold Ashton Atherton Attwood Austin Aylott
        Bagshaw Bainbridge Baldwin Bamford Banks Barlow Barton Bateman Baxter Beattie Beck Bentley Birch Black
        Blackburn Blackwell Bolton Bond Bowden Bowler Bradshaw Brennan Briggs Broadbent Brookes Buckley Bull
        Bullock Burrows Bush Cartwright Chadwick Chandler Charlton Clayton Clements Cockburn Coates Coles
        Collier Connor Conway Cotton Cowan Craig Crane Crossley Cullen Dale Daniels Davey Dawes Denton Dickinson
        Dobson Dodd Donaldson Doherty Downes Draper Duncan Dyer Eaton Edmonds Evans Farmer Farrow Fielding Finch
        Fleming Flynn Fowler Frost Fuller Garner Garrett Gibbons Gibbs Giles Glover Goddard Godfrey Goodwin
        Gough Gould Greaves Greenwood Hale Hammond Hancock Hanson Hargreaves Harrington Hartley Haynes Heath
        Hewitt Hicks Hilton Hobbs Holden Holt Hooper Horton Howe Howell Hull Humphreys Hurst Hyde Ingram Jarvis
        Jennings Kay Kemp Kent Kirby Kirk Knowles Lamb Lambert Law Leach Lees Little Lord Lucas Lynch Mann
        Marshall Mellor Metcalfe Middleton Miles Milner Moran Morley Morton Nash Naylor Norman Norris North
        Oakes Oates Parkinson Parks Pollard Pratt Preston Quinn Randall Read Reeves Rhodes Rigby Riley Rowe
        Rowley Sanders Savage Sharpe Shaw Simmons Skinner Slater Steele Stephens Stephenson Storey Summers
        Swift Sykes Talbot Thornton Tomlinson Townsend Tucker Tyler Vincent Wade Walters Warner Waters Weaver
        Welch Whitehead Whittaker Wilde Wilkins Willis Winter Wong Woodward Wyatt Yeomans Youngs Abel Alderson
        Allan Ambrose Ash Aston Bacon Barber Barnett Barry Bartlett Batchelor Beasley Bell Benson Blackmore
        Blair Blundell Bourne Bowers Boyce Bradbury Bray Brett Bridges Britton Brookes Broughton Bryant Buck
        Burke Burnett Burrell Cain Carpenter Carroll Carver Cassidy Chaplin Cheshire Church Clark Clifford
        Coleman Collinson Cooke Corbett Cowley Cox Croft Crowther Cummings Curry Dalton Darby Dickson Dillon
        Dolan Dorsey Dove Driscoll Dudley Duke Durrant Eastwood Ellison Emery English Everett Fairclough Farrell
        Fenton Field Firth Fitzpatrick Foley Forrest Foulkes Gale Gallagher Gamble Gates Gilbert Gilmore Golding
        Goodman Gordon Gower Grady Greenhalgh Hadley Haigh Hamer Harwood Hawkes Hayward Hedley Hesketh Hinds
        Holloway Hope Horne Howarth Hubbard Hurley Ingham Irwin Jeffries Joyce Keating Kemp Kendall Kerr Keys
        """);

    /// <summary>Variant spellings of the same surname, so a "phonetic variant" error has somewhere realistic to go.</summary>
    public static readonly string[][] SurnameVariants =
    [
        ["Thompson", "Thomson", "Tomson"], ["Reid", "Reed", "Read", "Reade"], ["Smith", "Smyth", "Smithe"],
        ["Macdonald", "McDonald", "MacDonald"], ["Mackenzie", "McKenzie"], ["Mackay", "McKay"], ["Macleod", "McLeod", "MacLeod"],
        ["Clarke", "Clark"], ["Phillips", "Philips"], ["Matthews", "Mathews"], ["Stephens", "Stevens"], ["Stephenson", "Stevenson"],
        ["Davies", "Davis", "Davys"], ["Jeffries", "Jefferies", "Jeffreys"], ["Gray", "Grey"], ["Hussain", "Hussein", "Husain"],
        ["Mohamed", "Mohammed", "Muhammad"], ["Chowdhury", "Choudhury", "Chaudhry"], ["Rahman", "Rehman"], ["Ahmed", "Ahmad"],
        ["Mahmood", "Mahmud"], ["Begum", "Begam"], ["Kowalski", "Kovalski"], ["Nowak", "Novak"], ["Wozniak", "Vozniak"],
        ["O'Brien", "OBrien", "O Brien"], ["O'Connor", "OConnor", "O'Conner"], ["O'Neill", "O'Neil", "ONeill"],
        ["McCarthy", "MacCarthy"], ["Byrne", "Burn", "Byrnes"], ["Walsh", "Welsh"], ["Griffiths", "Griffith"],
        ["Powell", "Powel"], ["Lloyd", "Loyd"], ["Rees", "Reece", "Rhys"], ["Okafor", "Okaffor"], ["Mensah", "Mensa"],
        ["Kaur", "Kour"], ["Sandhu", "Sandu"], ["Patel", "Patell"], ["Khan", "Kahn"], ["Cooke", "Cook"], ["Browne", "Brown"],
        ["Hayes", "Hays"], ["Nicholls", "Nichols"], ["Pearce", "Pierce"], ["Philips", "Phillips"], ["Sharpe", "Sharp"],
    ];

    public static readonly string[][] GivenVariants =
    [
        ["Catherine", "Katherine", "Kathryn", "Katharine", "Catharine"], ["Stephen", "Steven"], ["Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed"],
        ["Sarah", "Sara"], ["Rebecca", "Rebekah"], ["Jonathan", "Jonathon"], ["Philip", "Phillip"], ["Geoffrey", "Jeffrey"],
        ["Zoe", "Zoey"], ["Leanne", "Lianne"], ["Claire", "Clare"], ["Ann", "Anne"], ["Hannah", "Hanna"], ["Louise", "Louisa"],
        ["Michelle", "Michele"], ["Kirsty", "Kirsten", "Kirstie"], ["Nicola", "Nichola"], ["Jacqueline", "Jaqueline"],
        ["Alan", "Allan", "Allen"], ["Neil", "Neal"], ["Shaun", "Sean", "Shawn"], ["Carl", "Karl"], ["Lewis", "Louis"],
        ["Aisha", "Ayesha", "Aysha"], ["Yusuf", "Yousuf", "Yousef"], ["Fatima", "Fatimah"], ["Maryam", "Mariam"],
        ["Siobhan", "Shivaun"], ["Niamh", "Neve"], ["Aoife", "Eefa"], ["Sinead", "Shinead"], ["Isla", "Islay"],
        ["Amelia", "Emelia"], ["Freya", "Freja"], ["Elliot", "Elliott"], ["Jayden", "Jaden"], ["Tracey", "Tracy"],
        ["Kelly", "Kelley"], ["Lindsay", "Lindsey"], ["Teresa", "Theresa"], ["Frances", "Francis"], ["Piotr", "Peter"],
        ["Katarzyna", "Katarzina"], ["Wojciech", "Voytek"], ["Hayley", "Haley", "Hailey"], ["Kayleigh", "Kayley", "Kaylee"],
        ["Gareth", "Garath"], ["Dafydd", "David"], ["Rhys", "Reece"], ["Chloe", "Chloë"], ["Zainab", "Zaynab"],
    ];

    /// <summary>Given name, then short forms people are known by (the matcher's own list is not copied: this is what people write).</summary>
    public static readonly string[][] Nicknames =
    [
        ["William", "Bill", "Billy", "Will", "Liam"], ["Robert", "Bob", "Rob", "Robbie"], ["Richard", "Rich", "Ricky", "Dick"],
        ["James", "Jim", "Jimmy", "Jamie"], ["John", "Jack", "Johnny"], ["Thomas", "Tom", "Tommy"], ["Michael", "Mike", "Mick"],
        ["Christopher", "Chris"], ["Anthony", "Tony"], ["Daniel", "Dan", "Danny"], ["David", "Dave"], ["Edward", "Ed", "Eddie", "Ted"],
        ["Stephen", "Steve"], ["Steven", "Steve"], ["Matthew", "Matt"], ["Andrew", "Andy"], ["Joseph", "Joe"], ["Samuel", "Sam"],
        ["Alexander", "Alex"], ["Benjamin", "Ben"], ["Nicholas", "Nick"], ["Charles", "Charlie"], ["Henry", "Harry"],
        ["Frederick", "Fred", "Freddie"], ["Peter", "Pete"], ["Patrick", "Pat", "Paddy"], ["Timothy", "Tim"], ["Kenneth", "Ken"],
        ["Ronald", "Ron"], ["Leonard", "Len"], ["Terence", "Terry"], ["Raymond", "Ray"], ["Philip", "Phil"], ["Geoffrey", "Geoff"],
        ["Catherine", "Kate", "Cathy", "Katie"], ["Katherine", "Kate", "Kathy"], ["Elizabeth", "Liz", "Beth", "Lizzie"],
        ["Margaret", "Maggie", "Peggy"], ["Rebecca", "Becky"], ["Jennifer", "Jenny", "Jen"], ["Jessica", "Jess"],
        ["Victoria", "Vicky"], ["Susan", "Sue"], ["Deborah", "Debbie"], ["Abigail", "Abbie", "Abby"], ["Amanda", "Mandy"],
        ["Samantha", "Sam"], ["Natasha", "Tash"], ["Stephanie", "Steph"], ["Jacqueline", "Jackie"], ["Josephine", "Jo", "Josie"],
        ["Joanne", "Jo"], ["Patricia", "Pat", "Trish"], ["Charlotte", "Lottie", "Charlie"], ["Eleanor", "Ellie"],
        ["Christine", "Chris", "Tina"], ["Nicola", "Nicky"], ["Alexandra", "Alex"], ["Caroline", "Carol"], ["Kathleen", "Kath"],
        ["Isabella", "Bella", "Izzy"], ["Pamela", "Pam"], ["Valerie", "Val"], ["Theresa", "Tess"], ["Mohammed", "Mo"],
    ];

    public static readonly string[] Streets = Split("""
        Mill Church Station High Park Victoria Albert Queen King Manor School Chapel Main North South West East
        Green Springfield Grange Highfield Orchard Meadow Windsor York Oak Elm Ash Beech Birch Cedar Willow Hawthorn
        Chestnut Maple Holly Rowan Laurel Poplar Sycamore Alexandra Cromwell Nelson Wellington Trafalgar Stanley
        Gladstone Kingsway Broadway Mount Hill Valley Brook River Bridge Canal Lake Forest Wood Heath Moor Field
        Farm Castle Abbey Priory Temple Market Cross Oxford Cambridge Clarence Portland Devonshire Grosvenor
        Belmont Fairfield Westfield Eastfield Woodlands Riverside Lakeside Hillside Parkside Blenheim Balmoral
        Osborne Lansdowne Beaconsfield Salisbury Coronation Jubilee Princes Regent Lime Cherry Hazel Heather Ivy
        """);

    public static readonly string[] StreetTypes = ["Road", "Street", "Avenue", "Lane", "Close", "Drive", "Crescent", "Court", "Gardens", "Place", "Terrace", "Grove", "Way"];

    /// <summary>Invented towns, each with a made-up postcode area in the real format.</summary>
    public static readonly (string Town, string Area)[] Towns =
    [
        ("Ashbridge", "AB"), ("Kelmsford", "KF"), ("Thornbury Vale", "TV"), ("Marlow Heath", "MH"), ("Eastbrook", "EK"),
        ("Fenwick Cross", "FX"), ("Haverleigh", "HV"), ("Lowmoor", "LM"), ("Northwold", "NW"), ("Oakhampton Lees", "OL"),
        ("Pendlebrook", "PB"), ("Quarrington", "QR"), ("Redcastle", "RC"), ("Saltmere", "SM"), ("Tillingford", "TF"),
        ("Upton Marsh", "UM"), ("Westerby", "WY"), ("Yarnfield", "YF"), ("Brackenholt", "BH"), ("Coldharbour Reach", "CR"),
        ("Dunmere", "DM"), ("Elmsworth", "EW"), ("Greywater", "GW"), ("Hollinbury", "HB"), ("Ingleby Moor", "IM"),
        ("Kingsmere", "KM"), ("Larkhill Green", "LG"), ("Millbeck", "MB"), ("Netherfold", "NF"), ("Orbury", "OR"),
    ];

    private static string[] Split(string text) =>
        text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
}
