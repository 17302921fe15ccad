namespace Safeguard.Core.Disclosures.Clocks;

public enum ClockState
{
    OnTrack,
    DueSoon,
    Overdue,
    MetInTime,
    MetLate,
}
