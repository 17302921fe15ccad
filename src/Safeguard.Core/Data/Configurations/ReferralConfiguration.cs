using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;
using Safeguard.Core.Referrals;
using Safeguard.Core.Referrals.Dash;

namespace Safeguard.Core.Data.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("Referrals");
        b.Ignore(r => r.Reference);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.Routing).HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.VictimConsents).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.PoliceReference).HasMaxLength(50);
        foreach (var shortText in new[] { nameof(Referral.ReferrerName), nameof(Referral.ReferrerAgency), nameof(Referral.ReferrerRole), nameof(Referral.ReferrerContact) })
        {
            b.Property(shortText).HasMaxLength(200);
        }

        foreach (var midText in new[] { nameof(Referral.VictimFears), nameof(Referral.SafeToTalkTo), nameof(Referral.UnsafeToTalkTo), nameof(Referral.PreviousMarac) })
        {
            b.Property(midText).HasMaxLength(2000);
        }

        b.Property(r => r.Reason).HasMaxLength(4000);
        b.Property(r => r.ActionsTaken).HasMaxLength(4000);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Area>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.People).WithOne().HasForeignKey(p => p.ReferralId).OnDelete(DeleteBehavior.Cascade);

        // The list: referrals in the user's areas, newest first.
        b.HasIndex(r => new { r.AreaId, r.ReceivedAt }).HasDatabaseName("IX_Referrals_Area_Received");
        b.HasIndex(r => r.ReceivedAt).HasDatabaseName("IX_Referrals_ReceivedAt");

        // One referral per Clare's Law application: the second is refused, and a race loses on this index.
        b.HasIndex(r => r.DisclosureApplicationId).IsUnique().HasDatabaseName("IX_Referrals_DisclosureApplicationId");
    }
}

internal sealed class ReferralPersonConfiguration : IEntityTypeConfiguration<ReferralPerson>
{
    public void Configure(EntityTypeBuilder<ReferralPerson> b)
    {
        b.ToTable("ReferralPeople");
        b.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.School).HasMaxLength(200);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ReferralId, p.PersonId }).IsUnique().HasDatabaseName("IX_ReferralPeople_Referral_Person");
        b.HasIndex(p => p.PersonId).HasDatabaseName("IX_ReferralPeople_PersonId");
    }
}

internal sealed class ReferralEventConfiguration : IEntityTypeConfiguration<ReferralEvent>
{
    public void Configure(EntityTypeBuilder<ReferralEvent> b)
    {
        b.ToTable("ReferralEvents");
        b.Property(e => e.ByUserId).HasMaxLength(450);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Detail).HasMaxLength(4000);
        b.HasOne<Referral>().WithMany().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.ReferralId, e.At }).HasDatabaseName("IX_ReferralEvents_Referral_At");
    }
}

internal sealed class QuestionnaireDefinitionConfiguration : IEntityTypeConfiguration<QuestionnaireDefinition>
{
    public void Configure(EntityTypeBuilder<QuestionnaireDefinition> b)
    {
        b.ToTable("QuestionnaireDefinitions");
        b.Property(d => d.Key).HasMaxLength(50);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Content).HasMaxLength(100000);
        b.HasIndex(d => new { d.Key, d.Version }).IsUnique().HasDatabaseName("IX_QuestionnaireDefinitions_Key_Version");
    }
}

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> b)
    {
        b.ToTable("RiskAssessments");
        b.Property(a => a.DefinitionKey).HasMaxLength(50);
        b.Property(a => a.Answers).HasMaxLength(20000);
        b.Property(a => a.Findings).HasMaxLength(20000);
        b.Property(a => a.Rationale).HasMaxLength(4000);
        b.Property(a => a.ActuarialLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.JudgedLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.RiskLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.AssessedByUserId).HasMaxLength(450);
        b.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Cascade);

        b.HasIndex(a => new { a.ReferralId, a.AssessedAt }).HasDatabaseName("IX_RiskAssessments_Referral_AssessedAt");
        // Which assessments answered a questionnaire version: what a change of tool has to look at.
        b.HasIndex(a => new { a.DefinitionKey, a.DefinitionVersion }).HasDatabaseName("IX_RiskAssessments_Definition");
    }
}
