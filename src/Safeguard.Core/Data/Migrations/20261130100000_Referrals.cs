using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>Referrals with their people and timeline, the DASH questionnaire versions as data, and the risk
/// assessments that answer one version each.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261130100000_Referrals")]
public sealed class Referrals : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Referrals", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Kind = t.Column<string>(maxLength: 30, nullable: false),
            AreaId = t.Column<int>(nullable: false),
            ReceivedAt = t.Column<DateTime>(nullable: false),
            PoliceReference = t.Column<string>(maxLength: 50, nullable: true),
            ReferrerName = t.Column<string>(maxLength: 200, nullable: false),
            ReferrerAgency = t.Column<string>(maxLength: 200, nullable: false),
            ReferrerRole = t.Column<string>(maxLength: 200, nullable: false),
            ReferrerContact = t.Column<string>(maxLength: 200, nullable: false),
            ReferrerCriteria = t.Column<int>(nullable: false),
            Reason = t.Column<string>(maxLength: 4000, nullable: false),
            VictimAware = t.Column<bool>(nullable: false),
            VictimConsents = t.Column<string>(maxLength: 20, nullable: false),
            VictimFears = t.Column<string>(maxLength: 2000, nullable: true),
            SafeToTalkTo = t.Column<string>(maxLength: 2000, nullable: true),
            UnsafeToTalkTo = t.Column<string>(maxLength: 2000, nullable: true),
            PreviousMarac = t.Column<string>(maxLength: 2000, nullable: true),
            ActionsTaken = t.Column<string>(maxLength: 4000, nullable: true),
            Routing = t.Column<string>(maxLength: 30, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Referrals", x => x.Id);
            t.ForeignKey("FK_Referrals_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Referrals_Area_Received", "Referrals", ["AreaId", "ReceivedAt"]);
        m.CreateIndex("IX_Referrals_ReceivedAt", "Referrals", "ReceivedAt");

        m.CreateTable("ReferralPeople", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            ReferralId = t.Column<int>(nullable: false),
            PersonId = t.Column<int>(nullable: false),
            Role = t.Column<string>(maxLength: 20, nullable: false),
            School = t.Column<string>(maxLength: 200, nullable: true),
            AddedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReferralPeople", x => x.Id);
            t.ForeignKey("FK_ReferralPeople_Referrals_ReferralId", x => x.ReferralId, "Referrals", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ReferralPeople_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ReferralPeople_Referral_Person", "ReferralPeople", ["ReferralId", "PersonId"], unique: true);
        m.CreateIndex("IX_ReferralPeople_PersonId", "ReferralPeople", "PersonId");

        m.CreateTable("ReferralEvents", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            ReferralId = t.Column<int>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            ByUserId = t.Column<string>(maxLength: 450, nullable: true),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Detail = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReferralEvents", x => x.Id);
            t.ForeignKey("FK_ReferralEvents_Referrals_ReferralId", x => x.ReferralId, "Referrals", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ReferralEvents_Referral_At", "ReferralEvents", ["ReferralId", "At"]);

        m.CreateTable("QuestionnaireDefinitions", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Key = t.Column<string>(maxLength: 50, nullable: false),
            Version = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Content = t.Column<string>(maxLength: 100000, nullable: false),
            LoadedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_QuestionnaireDefinitions", x => x.Id));
        m.CreateIndex("IX_QuestionnaireDefinitions_Key_Version", "QuestionnaireDefinitions", ["Key", "Version"], unique: true);

        m.CreateTable("RiskAssessments", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            ReferralId = t.Column<int>(nullable: false),
            DefinitionKey = t.Column<string>(maxLength: 50, nullable: false),
            DefinitionVersion = t.Column<int>(nullable: false),
            Answers = t.Column<string>(maxLength: 20000, nullable: false),
            YesCount = t.Column<int>(nullable: false),
            ActuarialLevel = t.Column<string>(maxLength: 20, nullable: true),
            JudgedLevel = t.Column<string>(maxLength: 20, nullable: true),
            RiskLevel = t.Column<string>(maxLength: 20, nullable: false),
            Rationale = t.Column<string>(maxLength: 4000, nullable: true),
            CriteriaMet = t.Column<int>(nullable: false),
            Findings = t.Column<string>(maxLength: 20000, nullable: false),
            AssessedAt = t.Column<DateTime>(nullable: false),
            AssessedByUserId = t.Column<string>(maxLength: 450, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RiskAssessments", x => x.Id);
            t.ForeignKey("FK_RiskAssessments_Referrals_ReferralId", x => x.ReferralId, "Referrals", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RiskAssessments_Referral_AssessedAt", "RiskAssessments", ["ReferralId", "AssessedAt"]);
        m.CreateIndex("IX_RiskAssessments_Definition", "RiskAssessments", ["DefinitionKey", "DefinitionVersion"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("RiskAssessments");
        m.DropTable("QuestionnaireDefinitions");
        m.DropTable("ReferralEvents");
        m.DropTable("ReferralPeople");
        m.DropTable("Referrals");
    }
}
