namespace SuperKube.Security.Rbac.Tests;

public sealed class RuleCoverageTests
{
    private static PolicyRule Rule(string verbs, string groups, string resources, string names = "") =>
        new(Split(verbs), [.. Split(groups).Select(g => g == "core" ? "" : g)], Split(resources), Split(names), []);

    private static PolicyRule Urls(string verbs, string urls) => new(Split(verbs), [], [], [], Split(urls));

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Uncovered_SubsetOfOwnedRules_IsEmpty()
    {
        PolicyRule[] owned = [Rule("get list watch", "core", "pods configmaps"), Rule("*", "apps", "deployments")];

        var missing = RuleCoverage.Uncovered(owned, [Rule("get list", "core", "pods"), Rule("delete patch", "apps", "deployments")]);

        Assert.Empty(missing);
    }

    [Fact]
    public void Uncovered_ExtraVerb_ReturnsOnlyTheMissingAtom()
    {
        PolicyRule[] owned = [Rule("get list", "core", "pods")];

        var missing = RuleCoverage.Uncovered(owned, [Rule("get delete", "core", "pods")]);

        var atom = Assert.Single(missing);
        Assert.Equal("{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"delete\"]}", RuleCoverage.CompactString(atom));
    }

    [Fact]
    public void Uncovered_WildcardsInOwnedRules_CoverEverythingTheyName()
    {
        PolicyRule[] owned = [Rule("*", "*", "*"), Urls("get", "/logs/*")];

        var missing = RuleCoverage.Uncovered(owned, [Rule("escalate bind", "rbac.authorization.k8s.io", "roles"), Urls("get", "/logs/kubelet")]);

        Assert.Empty(missing);
    }

    [Fact]
    public void Uncovered_WildcardsInWantedRules_NeedWildcardsInOwnedRules()
    {
        PolicyRule[] owned = [Rule("get list watch create update patch delete deletecollection", "core", "pods")];

        var missing = RuleCoverage.Uncovered(owned, [Rule("*", "core", "pods"), Rule("get", "*", "pods"), Rule("get", "core", "*")]);

        Assert.Equal(3, missing.Count);
    }

    [Fact]
    public void Uncovered_ResourceNames_OwnedNamesMustIncludeEachWantedName()
    {
        PolicyRule[] owned = [Rule("get", "core", "configmaps", "a b")];

        var covered = RuleCoverage.Uncovered(owned, [Rule("get", "core", "configmaps", "a")]);
        var extraName = RuleCoverage.Uncovered(owned, [Rule("get", "core", "configmaps", "a c")]);
        var allNames = RuleCoverage.Uncovered(owned, [Rule("get", "core", "configmaps")]);

        Assert.Empty(covered);
        Assert.Equal("c", Assert.Single(Assert.Single(extraName).ResourceNames));
        Assert.Single(allNames);
    }

    [Fact]
    public void Uncovered_Subresources_CoveredByStarSlashSubresourceOrResourceSlashStar()
    {
        PolicyRule[] owned = [Rule("get", "core", "*/status pods/*")];

        var missing = RuleCoverage.Uncovered(owned, [Rule("get", "core", "services/status pods/log pods")]);

        Assert.Equal("pods", Assert.Single(Assert.Single(missing).Resources));
    }

    [Fact]
    public void Uncovered_NonResourceUrls_PrefixWildcardOnly()
    {
        PolicyRule[] owned = [Urls("get", "/healthz /api/*")];

        var missing = RuleCoverage.Uncovered(owned, [Urls("get post", "/healthz /api/v1 /apis")]);

        Assert.Equal(
            ["{NonResourceURLs:[\"/healthz\"], Verbs:[\"post\"]}", "{NonResourceURLs:[\"/api/v1\"], Verbs:[\"post\"]}", "{NonResourceURLs:[\"/apis\"], Verbs:[\"get\"]}", "{NonResourceURLs:[\"/apis\"], Verbs:[\"post\"]}"],
            missing.Select(RuleCoverage.CompactString));
    }

    [Fact]
    public void Uncovered_ResourceRuleOwned_DoesNotCoverUrls()
    {
        PolicyRule[] owned = [Rule("*", "*", "*")];

        var missing = RuleCoverage.Uncovered(owned, [Urls("get", "/metrics")]);

        Assert.Single(missing);
    }

    [Fact]
    public void Compact_AtomsOfOneResource_MergeTheirVerbs()
    {
        var atoms = RuleCoverage.Breakdown(Rule("get delete", "core apps", "pods", "x"));

        var compacted = RuleCoverage.Compact(atoms).Select(RuleCoverage.CompactString);

        Assert.Equal(
            ["{APIGroups:[\"\"], Resources:[\"pods\"], ResourceNames:[\"x\"], Verbs:[\"get\" \"delete\"]}", "{APIGroups:[\"apps\"], Resources:[\"pods\"], ResourceNames:[\"x\"], Verbs:[\"get\" \"delete\"]}"],
            compacted);
    }

    [Fact]
    public void QuotedList_EscapesQuotesAndControlCharacters()
    {
        Assert.Equal("[\"a\\\"b\" \"c\\nd\" \"\"]", RuleCoverage.QuotedList(["a\"b", "c\nd", ""]));
    }
}
