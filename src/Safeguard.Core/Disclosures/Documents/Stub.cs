namespace Safeguard.Core.Disclosures.Documents;
public static class DefaultDisclosureTemplates { public static byte[] For(string s, string k) => []; }
