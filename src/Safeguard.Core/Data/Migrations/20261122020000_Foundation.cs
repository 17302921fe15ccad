using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Accounts, organisation, audit, API tokens and data-protection keys. Hand-written and provider-neutral:
/// no column types, so SQLite and PostgreSQL each map the CLR type (see docs/adr/0002).
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122020000_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Agencies", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Agencies", x => x.Id));
        m.CreateIndex("IX_Agencies_Name", "Agencies", "Name", unique: true);

        m.CreateTable("Areas", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Areas", x => x.Id));
        m.CreateIndex("IX_Areas_Name", "Areas", "Name", unique: true);

        m.CreateTable("AspNetRoles", t => new
        {
            Id = t.Column<string>(nullable: false),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AspNetRoles", x => x.Id));
        m.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);

        m.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<string>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            IsDisabled = t.Column<bool>(nullable: false),
            MustChangePassword = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            LastSignInAt = t.Column<DateTime>(nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUsers", x => x.Id);
            t.ForeignKey("FK_AspNetUsers_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        m.CreateIndex("IX_AspNetUsers_AgencyId", "AspNetUsers", "AgencyId");

        m.CreateTable("AspNetRoleClaims", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            RoleId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
            t.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetRoleClaims_RoleId", "AspNetRoleClaims", "RoleId");

        m.CreateTable("AspNetUserClaims", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            UserId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        m.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        m.CreateTable("AspNetUserRoles", t => new
        {
            UserId = t.Column<string>(nullable: false),
            RoleId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserRoles_RoleId", "AspNetUserRoles", "RoleId");

        m.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<string>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("UserAreas", t => new
        {
            UserId = t.Column<string>(nullable: false),
            AreaId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_UserAreas", x => new { x.UserId, x.AreaId });
            t.ForeignKey("FK_UserAreas_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_UserAreas_Areas_AreaId", x => x.AreaId, "Areas", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_UserAreas_AreaId", "UserAreas", "AreaId");

        m.CreateTable("ApiTokens", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            UserId = t.Column<string>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            Prefix = t.Column<string>(maxLength: 16, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: false),
            Scopes = t.Column<string>(maxLength: 500, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedByUserId = t.Column<string>(maxLength: 450, nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
            RevokedAt = t.Column<DateTime>(nullable: true),
            LastUsedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ApiTokens", x => x.Id);
            t.ForeignKey("FK_ApiTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_ApiTokens_TokenHash", "ApiTokens", "TokenHash", unique: true);
        m.CreateIndex("IX_ApiTokens_UserId", "ApiTokens", "UserId");

        m.CreateTable("AuditEvents", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            Sequence = t.Column<long>(nullable: false),
            OccurredAt = t.Column<DateTime>(nullable: false),
            ActorUserId = t.Column<string>(maxLength: 450, nullable: true),
            Action = t.Column<string>(maxLength: 100, nullable: false),
            RecordType = t.Column<string>(maxLength: 100, nullable: true),
            RecordId = t.Column<string>(maxLength: 100, nullable: true),
            Summary = t.Column<string>(maxLength: 500, nullable: true),
            Before = t.Column<string>(nullable: true),
            After = t.Column<string>(nullable: true),
            PreviousHash = t.Column<string>(maxLength: 64, nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditEvents", x => x.Id));
        m.CreateIndex("IX_AuditEvents_Sequence", "AuditEvents", "Sequence", unique: true);
        m.CreateIndex("IX_AuditEvents_Actor_Sequence", "AuditEvents", ["ActorUserId", "Sequence"]);
        m.CreateIndex("IX_AuditEvents_Record_Sequence", "AuditEvents", ["RecordType", "RecordId", "Sequence"]);
        m.CreateIndex("IX_AuditEvents_OccurredAt", "AuditEvents", "OccurredAt");

        m.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            FriendlyName = t.Column<string>(maxLength: 200, nullable: true),
            Xml = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[]
        {
            "DataProtectionKeys", "AuditEvents", "ApiTokens", "UserAreas", "AspNetUserTokens", "AspNetUserRoles",
            "AspNetUserLogins", "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles", "Areas", "Agencies",
        })
        {
            m.DropTable(table);
        }
    }
}
