namespace Safeguard.Core.Disclosures.Clocks;

public sealed record BankHoliday(DateOnly Date, string Name);
