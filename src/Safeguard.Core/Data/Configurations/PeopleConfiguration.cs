using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Core.Accounts;
using Safeguard.Core.Organisation;
using Safeguard.Core.People;

namespace Safeguard.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Ignore(p => p.Reference);
        b.Ignore(p => p.BirthYear);
        b.Property(p => p.Gender).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Ethnicity).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Disability).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.SexualOrientation).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Lgbt).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.SafePhone).HasMaxLength(40);
        b.Property(p => p.SafeTimes).HasMaxLength(200);
        b.Property(p => p.SafeContactNotes).HasMaxLength(1000);
        b.Property(p => p.CreatedByUserId).HasMaxLength(450);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Area>().WithMany().HasForeignKey(p => p.CreatedInAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Names).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Identifiers).WithOne().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.CanonicalId).HasDatabaseName("IX_People_CanonicalId");
        b.HasIndex(p => p.MergedIntoId).HasDatabaseName("IX_People_MergedIntoId");
        b.HasIndex(p => p.CreatedInAreaId).HasDatabaseName("IX_People_CreatedInAreaId");
    }
}

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> b)
    {
        b.ToTable("PersonNames");
        b.Ignore(n => n.FullName);
        b.Property(n => n.GivenName).HasMaxLength(100);
        b.Property(n => n.FamilyName).HasMaxLength(100);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(n => n.PersonId).HasDatabaseName("IX_PersonNames_PersonId");
    }
}

internal sealed class PersonAddressConfiguration : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> b)
    {
        b.ToTable("PersonAddresses");
        b.Property(a => a.Line1).HasMaxLength(200);
        b.Property(a => a.Line2).HasMaxLength(200);
        b.Property(a => a.Town).HasMaxLength(100);
        b.Property(a => a.Postcode).HasMaxLength(10);
        b.HasIndex(a => a.PersonId).HasDatabaseName("IX_PersonAddresses_PersonId");
    }
}

internal sealed class PersonIdentifierConfiguration : IEntityTypeConfiguration<PersonIdentifier>
{
    public void Configure(EntityTypeBuilder<PersonIdentifier> b)
    {
        b.ToTable("PersonIdentifiers");
        b.Property(i => i.Scheme).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Value).HasMaxLength(100);
        b.HasIndex(i => i.PersonId).HasDatabaseName("IX_PersonIdentifiers_PersonId");
        b.HasIndex(i => new { i.Scheme, i.Value }).HasDatabaseName("IX_PersonIdentifiers_Scheme_Value");
    }
}

internal sealed class PersonAreaConfiguration : IEntityTypeConfiguration<PersonArea>
{
    public void Configure(EntityTypeBuilder<PersonArea> b)
    {
        b.ToTable("PersonAreas");
        b.HasKey(pa => new { pa.PersonId, pa.AreaId });
        b.HasOne<Person>().WithMany().HasForeignKey(pa => pa.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Area>().WithMany().HasForeignKey(pa => pa.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(pa => pa.AreaId).HasDatabaseName("IX_PersonAreas_AreaId");
    }
}

internal sealed class PersonMatchKeyConfiguration : IEntityTypeConfiguration<PersonMatchKey>
{
    public void Configure(EntityTypeBuilder<PersonMatchKey> b)
    {
        b.ToTable("PersonMatchKeys");
        b.HasKey(k => new { k.Key, k.PersonId });
        b.HasOne<Person>().WithMany().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(k => k.PersonId).HasDatabaseName("IX_PersonMatchKeys_PersonId");
    }
}

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> b)
    {
        b.ToTable("Relationships");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(r => r.CreatedByUserId).HasMaxLength(450);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.PersonId).HasDatabaseName("IX_Relationships_PersonId");
        b.HasIndex(r => r.RelatedPersonId).HasDatabaseName("IX_Relationships_RelatedPersonId");
    }
}

internal sealed class PersonInvolvementConfiguration : IEntityTypeConfiguration<PersonInvolvement>
{
    public void Configure(EntityTypeBuilder<PersonInvolvement> b)
    {
        b.ToTable("PersonInvolvements");
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.RiskLevel).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Reference).HasMaxLength(100);
        b.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Area>().WithMany().HasForeignKey(i => i.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.PersonId, i.OccurredAt }).HasDatabaseName("IX_PersonInvolvements_PersonId_OccurredAt");
        b.HasIndex(i => i.AreaId).HasDatabaseName("IX_PersonInvolvements_AreaId");
    }
}

internal sealed class PersonContactConfiguration : IEntityTypeConfiguration<PersonContact>
{
    public void Configure(EntityTypeBuilder<PersonContact> b)
    {
        b.ToTable("PersonContacts");
        b.Property(c => c.ByUserId).HasMaxLength(450);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.ByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.PersonId).HasDatabaseName("IX_PersonContacts_PersonId");
        b.HasIndex(c => c.ByUserId).HasDatabaseName("IX_PersonContacts_ByUserId");
    }
}

internal sealed class PersonMergeConfiguration : IEntityTypeConfiguration<PersonMerge>
{
    public void Configure(EntityTypeBuilder<PersonMerge> b)
    {
        b.ToTable("PersonMerges");
        b.Property(m => m.Reason).HasMaxLength(1000);
        b.Property(m => m.ReversalReason).HasMaxLength(1000);
        b.Property(m => m.MergedByUserId).HasMaxLength(450);
        b.Property(m => m.ReversedByUserId).HasMaxLength(450);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.SurvivorId).HasDatabaseName("IX_PersonMerges_SurvivorId");
        b.HasIndex(m => m.MergedId).HasDatabaseName("IX_PersonMerges_MergedId");
    }
}
