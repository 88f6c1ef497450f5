namespace SuperKube.Tables.Tests;

public class CorePrintersTests
{
    [Fact]
    public void ResourceQuotas_Row_SplitsRequestsAndLimits()
    {
        var cells = TableTestData.Cells(CorePrinters.ResourceQuotas, """
            {"metadata":{"name":"q"},"status":{"hard":{"pods":"10","limits.cpu":"2","requests.cpu":"1","limits.memory":"1Gi"},
              "used":{"pods":"3","limits.cpu":"500m"}}}
            """);

        Assert.Equal("pods: 3/10, requests.cpu: 0/1", cells["Request"]);
        Assert.Equal("limits.cpu: 500m/2, limits.memory: 0/1Gi", cells["Limit"]);
    }

    [Fact]
    public void ConfigMapsAndSecrets_Row_CountKeys()
    {
        var configMap = TableTestData.Cells(CorePrinters.ConfigMaps, """{"metadata":{"name":"c"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}""");
        var secret = TableTestData.Cells(CorePrinters.Secrets, """{"metadata":{"name":"s"},"type":"Opaque","data":{"a":"MQ=="}}""");

        Assert.Equal(3L, configMap["Data"]);
        Assert.Equal("Opaque", secret["Type"]);
        Assert.Equal(1L, secret["Data"]);
    }
}
