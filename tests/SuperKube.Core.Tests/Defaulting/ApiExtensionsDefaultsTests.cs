namespace SuperKube.Defaulting.Tests;

public sealed class ApiExtensionsDefaultsTests
{
    [Fact]
    public void Default_MinimalCrd_GetsNamesConversionAndStoredVersions()
    {
        DefaultingAssert.Defaults("apiextensions.k8s.io", "CustomResourceDefinition",
            """
            {"spec":{"group":"example.com","scope":"Namespaced","names":{"kind":"Widget","plural":"widgets"},
                     "versions":[{"name":"v1beta1","served":true,"storage":false},{"name":"v1","served":true,"storage":true}]}}
            """,
            """
            {"spec":{"group":"example.com","scope":"Namespaced",
                     "names":{"kind":"Widget","plural":"widgets","singular":"widget","listKind":"WidgetList"},
                     "versions":[{"name":"v1beta1","served":true,"storage":false},{"name":"v1","served":true,"storage":true}],
                     "conversion":{"strategy":"None"}},
             "status":{"storedVersions":["v1"]}}
            """);
    }

    [Fact]
    public void Default_WebhookConversion_ServicePortDefaultsTo443()
    {
        var crd = DefaultingAssert.Apply("apiextensions.k8s.io", "CustomResourceDefinition",
            """
            {"spec":{"names":{"kind":"Widget","singular":"wdg"},
                     "conversion":{"strategy":"Webhook","webhook":{"clientConfig":{"service":{"name":"conv","namespace":"x"}}}}}}
            """);

        DefaultingAssert.Equal(
            """{"strategy":"Webhook","webhook":{"clientConfig":{"service":{"name":"conv","namespace":"x","port":443}}}}""",
            crd["spec"]!["conversion"]);
        Assert.Equal("wdg", crd["spec"]!["names"]!["singular"]!.GetValue<string>());
    }
}
