using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Clare's Law and Sarah's Law: schemes and clocks as settings, applications with their people, stage
/// history, timeline, research checks, delays, files and document templates, and the bank holidays that
/// working-day clocks skip.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122200000_Disclosures")]
public sealed class Disclosures : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("BankHolidays", t => new
        {
            Date = t.Column<DateOnly>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_BankHolidays", x => x.Date));

        m.CreateTable("DisclosureSchemes", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Scheme = t.Column<string>(maxLength: 20, nullable: false),
            Route = t.Column<string>(maxLength: 20, nullable: false),
            MeetsApplicant = t.Column<bool>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DisclosureSchemes", x => x.Id));
        m.CreateIndex("IX_DisclosureSchemes_Scheme_Route", "DisclosureSchemes", ["Scheme", "Route"], unique: true);

        m.CreateTable("DisclosureClocks", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            SchemeId = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Amount = t.Column<int>(nullable: false),
            Unit = t.Column<string>(maxLength: 20, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DisclosureClocks", x => x.Id);
            t.ForeignKey("FK_DisclosureClocks_DisclosureSchemes_SchemeId", x => x.SchemeId, "DisclosureSchemes", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DisclosureClocks_SchemeId_Kind", "DisclosureClocks", ["SchemeId", "Kind"], unique: true);

        m.CreateTable("ResearchSources", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ResearchSources", x => x.Id));
        m.CreateIndex("IX_ResearchSources_Name", "ResearchSources", "Name", unique: true);

        m.CreateTable("DocumentTemplates", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Scheme = t.Column<string>(maxLength: 20, nullable: false),
            Kind = t.Column<string>(maxLength: 30, nullable: false),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            UploadedAt = t.Column<DateTime>(nullable: false),
            UploadedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DocumentTemplates", x => x.Id));
        m.CreateIndex("IX_DocumentTemplates_Scheme_Kind", "DocumentTemplates", ["Scheme", "Kind"]);

        CreateApplications(m);
        CreateApplicationChildren(m);
    }

    private static void CreateApplications(MigrationBuilder m)
    {
        m.CreateTable("DisclosureApplications", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            SchemeId = t.Column<int>(nullable: false),
            Scheme = t.Column<string>(maxLength: 20, nullable: false),
            Route = t.Column<string>(maxLength: 20, nullable: false),
            AreaId = t.Column<int>(nullable: false),
            Stage = t.Column<string>(maxLength: 20, nullable: false),
            StageEnteredAt = t.Column<DateTime>(nullable: false),
            ReceivedAt = t.Column<DateTime>(nullable: false),
            ReceivedVia = t.Column<string>(maxLength: 30, nullable: false),
            ClientReference = t.Column<string>(maxLength: 100, nullable: true),
            SubmittedDetails = t.Column<string>(maxLength: 20000, nullable: true),
            WhatPrompted = t.Column<string>(maxLength: 4000, nullable: false),
            SafeContactWay = t.Column<string>(maxLength: 200, nullable: true),
            SafeContactTimes = t.Column<string>(maxLength: 200, nullable: true),
            Urgent = t.Column<bool>(nullable: false),
            ImmediateRisk = t.Column<string>(maxLength: 4000, nullable: true),
            SafeguardingAction = t.Column<string>(maxLength: 4000, nullable: true),
            UrgentAcknowledgedAt = t.Column<DateTime>(nullable: true),
            UrgentAcknowledgedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            OwnerUserId = t.Column<string>(maxLength: 450, nullable: true),
            DisclosureOfficerUserId = t.Column<string>(maxLength: 450, nullable: true),
            WithinScheme = t.Column<bool>(nullable: true),
            CriteriaReasons = t.Column<string>(maxLength: 4000, nullable: true),
            ApplicantToldOn = t.Column<DateOnly>(nullable: true),
            MetOn = t.Column<DateOnly>(nullable: true),
            MeetingPlace = t.Column<string>(maxLength: 200, nullable: true),
            PhotoIdentity = t.Column<string>(maxLength: 200, nullable: true),
            SecondIdentity = t.Column<string>(maxLength: 200, nullable: true),
            MeetingNotes = t.Column<string>(maxLength: 4000, nullable: true),
            ResearcherUserId = t.Column<string>(maxLength: 450, nullable: true),
            RiskLevel = t.Column<string>(maxLength: 20, nullable: true),
            RiskAssessment = t.Column<string>(maxLength: 4000, nullable: true),
            SubjectIsRegisteredSexOffender = t.Column<bool>(nullable: true),
            Disclose = t.Column<bool>(nullable: true),
            DisclosureWording = t.Column<string>(maxLength: 4000, nullable: true),
            RecipientPersonId = t.Column<int>(nullable: true),
            SubjectToBeTold = t.Column<bool>(nullable: true),
            Lawful = t.Column<string>(maxLength: 4000, nullable: true),
            Necessary = t.Column<string>(maxLength: 4000, nullable: true),
            Proportionate = t.Column<string>(maxLength: 4000, nullable: true),
            PressingNeed = t.Column<string>(maxLength: 4000, nullable: true),
            OtherSafeguarding = t.Column<string>(maxLength: 4000, nullable: true),
            NoDisclosureReason = t.Column<string>(maxLength: 4000, nullable: true),
            DecidedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            DecidedOn = t.Column<DateOnly>(nullable: true),
            DeliveredOn = t.Column<DateOnly>(nullable: true),
            DeliveryPlace = t.Column<string>(maxLength: 200, nullable: true),
            PresentAtDelivery = t.Column<string>(maxLength: 4000, nullable: true),
            ConfidentialityExplained = t.Column<bool>(nullable: true),
            RecipientResponse = t.Column<string>(maxLength: 4000, nullable: true),
            SafetyPlan = t.Column<string>(maxLength: 4000, nullable: true),
            Referrals = t.Column<string>(maxLength: 4000, nullable: true),
            ApplicantInformedOn = t.Column<DateOnly>(nullable: true),
            ApplicantInformedHow = t.Column<string>(maxLength: 200, nullable: true),
            Outcome = t.Column<string>(maxLength: 30, nullable: true),
            OutcomeNotes = t.Column<string>(maxLength: 4000, nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            DueAt = t.Column<DateTime>(nullable: false),
            NextDueAt = t.Column<DateTime>(nullable: true),
            NextClock = t.Column<string>(maxLength: 20, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DisclosureApplications", x => x.Id);
            t.ForeignKey("FK_DisclosureApplications_DisclosureSchemes_SchemeId", x => x.SchemeId, "DisclosureSchemes", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_DisclosureApplications_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_DisclosureApplications_AspNetUsers_OwnerUserId", x => x.OwnerUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_DisclosureApplications_People_RecipientPersonId", x => x.RecipientPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_DisclosureApplications_Open", "DisclosureApplications", ["ClosedAt", "AreaId", "NextDueAt"]);
        m.CreateIndex("IX_DisclosureApplications_Owner", "DisclosureApplications", ["OwnerUserId", "ClosedAt"]);
        m.CreateIndex("IX_DisclosureApplications_Area_Received", "DisclosureApplications", ["AreaId", "ReceivedAt"]);
        m.CreateIndex("IX_DisclosureApplications_ReceivedAt", "DisclosureApplications", "ReceivedAt");
        m.CreateIndex("IX_DisclosureApplications_Figures", "DisclosureApplications",
            ["ReceivedAt", "AreaId", "Scheme", "Route", "Outcome", "ClosedAt", "DueAt", "Disclose", "SubjectIsRegisteredSexOffender"]);
        m.CreateIndex("IX_DisclosureApplications_ClientReference", "DisclosureApplications", "ClientReference", unique: true);
        m.CreateIndex("IX_DisclosureApplications_SchemeId", "DisclosureApplications", "SchemeId");
        m.CreateIndex("IX_DisclosureApplications_RecipientPersonId", "DisclosureApplications", "RecipientPersonId");
    }

    private static void CreateApplicationChildren(MigrationBuilder m)
    {
        m.CreateTable("ApplicationPeople", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            ApplicationId = t.Column<int>(nullable: false),
            PersonId = t.Column<int>(nullable: false),
            Role = t.Column<string>(maxLength: 20, nullable: false),
            Relationship = t.Column<string>(maxLength: 200, nullable: true),
            AddedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ApplicationPeople", x => x.Id);
            t.ForeignKey("FK_ApplicationPeople_DisclosureApplications_ApplicationId", x => x.ApplicationId, "DisclosureApplications", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ApplicationPeople_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ApplicationPeople_Application_Person_Role", "ApplicationPeople", ["ApplicationId", "PersonId", "Role"], unique: true);
        m.CreateIndex("IX_ApplicationPeople_PersonId", "ApplicationPeople", "PersonId");

        m.CreateTable("StagePeriods", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ApplicationId = t.Column<int>(nullable: false),
            Stage = t.Column<string>(maxLength: 20, nullable: false),
            EnteredAt = t.Column<DateTime>(nullable: false),
            LeftAt = t.Column<DateTime>(nullable: true),
            ByUserId = t.Column<string>(maxLength: 450, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_StagePeriods", x => x.Id);
            t.ForeignKey("FK_StagePeriods_DisclosureApplications_ApplicationId", x => x.ApplicationId, "DisclosureApplications", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_StagePeriods_Application_Stage", "StagePeriods", ["ApplicationId", "Stage", "LeftAt", "EnteredAt"]);
        m.CreateIndex("IX_StagePeriods_Stage_LeftAt", "StagePeriods", ["Stage", "LeftAt"]);

        m.CreateTable("ApplicationEvents", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ApplicationId = t.Column<int>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            ByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Detail = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ApplicationEvents", x => x.Id);
            t.ForeignKey("FK_ApplicationEvents_DisclosureApplications_ApplicationId", x => x.ApplicationId, "DisclosureApplications", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ApplicationEvents_ApplicationId", "ApplicationEvents", "ApplicationId");

        m.CreateTable("ResearchChecks", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            ApplicationId = t.Column<int>(nullable: false),
            SourceId = t.Column<int>(nullable: false),
            CheckedOn = t.Column<DateOnly>(nullable: false),
            Result = t.Column<string>(maxLength: 20, nullable: false),
            Summary = t.Column<string>(maxLength: 4000, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
            RecordedByUserId = t.Column<string>(maxLength: 450, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ResearchChecks", x => x.Id);
            t.ForeignKey("FK_ResearchChecks_DisclosureApplications_ApplicationId", x => x.ApplicationId, "DisclosureApplications", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ResearchChecks_ResearchSources_SourceId", x => x.SourceId, "ResearchSources", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ResearchChecks_ApplicationId", "ResearchChecks", "ApplicationId");
        m.CreateIndex("IX_ResearchChecks_SourceId", "ResearchChecks", "SourceId");

        m.CreateTable("DelayRecords", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            ApplicationId = t.Column<int>(nullable: false),
            Reason = t.Column<string>(maxLength: 4000, nullable: false),
            SafeguardingPlan = t.Column<string>(maxLength: 4000, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
            RecordedByUserId = t.Column<string>(maxLength: 450, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DelayRecords", x => x.Id);
            t.ForeignKey("FK_DelayRecords_DisclosureApplications_ApplicationId", x => x.ApplicationId, "DisclosureApplications", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DelayRecords_ApplicationId", "DelayRecords", "ApplicationId");

        m.CreateTable("ApplicationFiles", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            ApplicationId = t.Column<int>(nullable: false),
            Origin = t.Column<string>(maxLength: 30, nullable: false),
            ResearchCheckId = t.Column<int>(nullable: true),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Length = t.Column<long>(nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            AddedAt = t.Column<DateTime>(nullable: false),
            AddedByUserId = t.Column<string>(maxLength: 450, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ApplicationFiles", x => x.Id);
            t.ForeignKey("FK_ApplicationFiles_DisclosureApplications_ApplicationId", x => x.ApplicationId, "DisclosureApplications", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ApplicationFiles_ResearchChecks_ResearchCheckId", x => x.ResearchCheckId, "ResearchChecks", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ApplicationFiles_ApplicationId", "ApplicationFiles", "ApplicationId");
        m.CreateIndex("IX_ApplicationFiles_ResearchCheckId", "ApplicationFiles", "ResearchCheckId");
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "ApplicationFiles", "DelayRecords", "ResearchChecks", "ApplicationEvents", "StagePeriods", "ApplicationPeople",
                     "DisclosureApplications", "DocumentTemplates", "ResearchSources", "DisclosureClocks", "DisclosureSchemes", "BankHolidays" })
        {
            m.DropTable(table);
        }
    }
}
