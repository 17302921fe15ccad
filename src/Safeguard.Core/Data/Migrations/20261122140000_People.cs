using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>The person index: people, their names, addresses and identifiers, relationships, involvements in
/// cases, contacts, merges, and the match keys that serve search-before-create.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122140000_People")]
public sealed class People : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("People", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            CanonicalId = t.Column<int>(nullable: false),
            MergedIntoId = t.Column<int>(nullable: true),
            DateOfBirth = t.Column<DateOnly>(nullable: true),
            ApproximateAge = t.Column<int>(nullable: true),
            AgeRecordedOn = t.Column<DateOnly>(nullable: true),
            Gender = t.Column<string>(maxLength: 40, nullable: false),
            Ethnicity = t.Column<string>(maxLength: 40, nullable: false),
            Disability = t.Column<string>(maxLength: 40, nullable: false),
            SexualOrientation = t.Column<string>(maxLength: 40, nullable: false),
            Lgbt = t.Column<string>(maxLength: 40, nullable: false),
            SafePhone = t.Column<string>(maxLength: 40, nullable: true),
            SafeTimes = t.Column<string>(maxLength: 200, nullable: true),
            UnsafeChannels = t.Column<int>(nullable: false),
            SafeContactNotes = t.Column<string>(maxLength: 1000, nullable: true),
            CreatedInAreaId = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_People", x => x.Id);
            t.ForeignKey("FK_People_Areas_CreatedInAreaId", x => x.CreatedInAreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_People_People_MergedIntoId", x => x.MergedIntoId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_People_CanonicalId", "People", "CanonicalId");
        m.CreateIndex("IX_People_MergedIntoId", "People", "MergedIntoId");
        m.CreateIndex("IX_People_CreatedInAreaId", "People", "CreatedInAreaId");

        m.CreateTable("PersonNames", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            PersonId = t.Column<int>(nullable: false),
            GivenName = t.Column<string>(maxLength: 100, nullable: false),
            FamilyName = t.Column<string>(maxLength: 100, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonNames", x => x.Id);
            t.ForeignKey("FK_PersonNames_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_PersonNames_PersonId", "PersonNames", "PersonId");

        m.CreateTable("PersonAddresses", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            PersonId = t.Column<int>(nullable: false),
            Line1 = t.Column<string>(maxLength: 200, nullable: false),
            Line2 = t.Column<string>(maxLength: 200, nullable: true),
            Town = t.Column<string>(maxLength: 100, nullable: true),
            Postcode = t.Column<string>(maxLength: 10, nullable: true),
            From = t.Column<DateOnly>(nullable: true),
            To = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonAddresses", x => x.Id);
            t.ForeignKey("FK_PersonAddresses_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_PersonAddresses_PersonId", "PersonAddresses", "PersonId");

        m.CreateTable("PersonIdentifiers", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            PersonId = t.Column<int>(nullable: false),
            Scheme = t.Column<string>(maxLength: 40, nullable: false),
            Value = t.Column<string>(maxLength: 100, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonIdentifiers", x => x.Id);
            t.ForeignKey("FK_PersonIdentifiers_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_PersonIdentifiers_PersonId", "PersonIdentifiers", "PersonId");
        m.CreateIndex("IX_PersonIdentifiers_Scheme_Value", "PersonIdentifiers", ["Scheme", "Value"]);

        m.CreateTable("PersonAreas", t => new
        {
            PersonId = t.Column<int>(nullable: false),
            AreaId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonAreas", x => new { x.PersonId, x.AreaId });
            t.ForeignKey("FK_PersonAreas_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_PersonAreas_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_PersonAreas_AreaId", "PersonAreas", "AreaId");

        m.CreateTable("PersonMatchKeys", t => new
        {
            Key = t.Column<long>(nullable: false),
            PersonId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonMatchKeys", x => new { x.Key, x.PersonId });
            t.ForeignKey("FK_PersonMatchKeys_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_PersonMatchKeys_PersonId", "PersonMatchKeys", "PersonId");

        m.CreateTable("Relationships", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            PersonId = t.Column<int>(nullable: false),
            RelatedPersonId = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedByUserId = t.Column<string>(maxLength: 450, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Relationships", x => x.Id);
            t.ForeignKey("FK_Relationships_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Relationships_People_RelatedPersonId", x => x.RelatedPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Relationships_PersonId", "Relationships", "PersonId");
        m.CreateIndex("IX_Relationships_RelatedPersonId", "Relationships", "RelatedPersonId");

        m.CreateTable("PersonInvolvements", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            PersonId = t.Column<int>(nullable: false),
            AreaId = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Role = t.Column<string>(maxLength: 40, nullable: false),
            OccurredAt = t.Column<DateTime>(nullable: false),
            Reference = t.Column<string>(maxLength: 100, nullable: false),
            RiskLevel = t.Column<string>(maxLength: 40, nullable: true),
            PoliceReported = t.Column<bool>(nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonInvolvements", x => x.Id);
            t.ForeignKey("FK_PersonInvolvements_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_PersonInvolvements_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_PersonInvolvements_PersonId_OccurredAt", "PersonInvolvements", ["PersonId", "OccurredAt"]);
        m.CreateIndex("IX_PersonInvolvements_AreaId", "PersonInvolvements", "AreaId");

        m.CreateTable("PersonContacts", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            PersonId = t.Column<int>(nullable: false),
            Channel = t.Column<int>(nullable: false),
            OccurredAt = t.Column<DateTime>(nullable: false),
            ByUserId = t.Column<string>(maxLength: 450, nullable: false),
            Note = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonContacts", x => x.Id);
            t.ForeignKey("FK_PersonContacts_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_PersonContacts_AspNetUsers_ByUserId", x => x.ByUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_PersonContacts_PersonId", "PersonContacts", "PersonId");
        m.CreateIndex("IX_PersonContacts_ByUserId", "PersonContacts", "ByUserId");

        m.CreateTable("PersonMerges", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            SurvivorId = t.Column<int>(nullable: false),
            MergedId = t.Column<int>(nullable: false),
            Reason = t.Column<string>(maxLength: 1000, nullable: false),
            MergedAt = t.Column<DateTime>(nullable: false),
            MergedByUserId = t.Column<string>(maxLength: 450, nullable: false),
            ReversedAt = t.Column<DateTime>(nullable: true),
            ReversedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            ReversalReason = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PersonMerges", x => x.Id);
            t.ForeignKey("FK_PersonMerges_People_SurvivorId", x => x.SurvivorId, "People", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_PersonMerges_People_MergedId", x => x.MergedId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_PersonMerges_SurvivorId", "PersonMerges", "SurvivorId");
        m.CreateIndex("IX_PersonMerges_MergedId", "PersonMerges", "MergedId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "PersonMerges", "PersonContacts", "PersonInvolvements", "Relationships", "PersonMatchKeys",
                     "PersonAreas", "PersonIdentifiers", "PersonAddresses", "PersonNames", "People" })
        {
            m.DropTable(table);
        }
    }
}
