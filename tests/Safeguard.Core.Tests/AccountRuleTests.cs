using System.Security.Claims;
using Safeguard.Core.Accounts;

namespace Safeguard.Core.Tests;

public sealed class AccountRuleTests
{
    // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890"; the 8-digit codes end in these 6 digits.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Totp_matches_the_RFC_6238_test_vectors(long unixSeconds, string expected)
    {
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal(expected, Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void Totp_accepts_keys_as_people_see_them_in_groups_and_lower_case()
    {
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        var at = DateTimeOffset.FromUnixTimeSeconds(59);
        Assert.Equal(Totp.Code(key, at), Totp.Code(Base32.FormatForPeople(key), at));
    }

    [Fact]
    public void Base32_rejects_characters_outside_its_alphabet() =>
        Assert.Throws<FormatException>(() => Base32.Decode("ABC1"));

    [Theory]
    [InlineData("123qweasdzxc")]
    [InlineData("123QWEASDZXC")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("qwerty123456")]
    public void Common_passwords_are_refused_whatever_their_case(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("plum-kettle-orbit-7")]
    public void Uncommon_passphrases_are_accepted(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public async Task A_password_made_of_the_users_own_email_is_refused()
    {
        var user = new User { DisplayName = "Pat Example", Email = "pat.example@example.org" };
        var result = await new CommonPasswordValidator().ValidateAsync(null!, user, "pat.example@example.org!");
        Assert.False(result.Succeeded);
        Assert.Equal("CommonPassword", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Temporary_passwords_are_long_unambiguous_and_different_each_time()
    {
        var a = UserAdministration.NewTemporaryPassword();
        var b = UserAdministration.NewTemporaryPassword();
        Assert.NotEqual(a, b);
        Assert.Equal(19, a.Length);
        Assert.DoesNotContain(a, c => "01ilo".Contains(c));
    }

    [Theory]
    [InlineData(Roles.Administrator, Capability.ManageUsers, true)]
    [InlineData(Roles.Administrator, Capability.ReadAuditTrail, false)]
    [InlineData(Roles.Auditor, Capability.ReadAuditTrail, true)]
    [InlineData(Roles.Auditor, Capability.ManageUsers, false)]
    [InlineData(Roles.AgencyRepresentative, Capability.ManageUsers, false)]
    [InlineData(Roles.CruSupervisor, Capability.IssueApiTokens, false)]
    public void Roles_map_to_capabilities(string role, Capability capability, bool expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
        Assert.Equal(expected, Capabilities.Has(user, capability));
    }

    [Fact]
    public void Every_role_in_the_process_model_is_known()
    {
        Assert.Equal(14, Roles.All.Count);
        Assert.All(Roles.All, r => Assert.True(Roles.IsKnown(r.Name)));
        Assert.False(Roles.IsKnown("SuperUser"));
    }
}
