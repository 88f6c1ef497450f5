using System.Text.Json.Nodes;

namespace SuperKube.Validation.Tests;

/// <summary>Valid objects of the validated kinds, parsed fresh for each test, and a JSON helper.</summary>
internal static class TestObjects
{
    public static JsonObject Obj(string json) => JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException(json);

    public static JsonObject Pod() => Obj("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","labels":{"app":"web"}},
         "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"name":"http","containerPort":80,"protocol":"TCP"}],
                                "env":[{"name":"MODE","value":"prod"}]}],
                 "initContainers":[{"name":"init","image":"busybox"}],
                 "volumes":[{"name":"data","emptyDir":{}}],
                 "restartPolicy":"Always","tolerations":[{"key":"a","operator":"Exists"}]}}
        """);

    public static JsonObject Deployment() => Obj("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
         "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                 "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
                 "template":{"metadata":{"labels":{"app":"web","tier":"fe"}},
                             "spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}
        """);

    public static JsonObject Service() => Obj("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
         "spec":{"type":"ClusterIP","selector":{"app":"web"},"clusterIP":"10.96.0.10",
                 "ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP"},
                          {"name":"metrics","port":9090,"targetPort":"metrics"}]}}
        """);

    public static JsonObject Job() => Obj("""
        {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","namespace":"default"},
         "spec":{"backoffLimit":4,"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"pi","image":"perl"}]}}}}
        """);

    public static JsonObject CronJob() => Obj("""
        {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"hello","namespace":"default"},
         "spec":{"schedule":"*/5 * * * *","concurrencyPolicy":"Forbid",
                 "jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"c","image":"busybox"}]}}}}}}
        """);

    /// <summary>The field errors as the real server prints them, one per line, for readable assertions.</summary>
    public static string Lines(IEnumerable<FieldError> errors) => string.Join("\n", errors.Select(e => e.ToString()));
}
