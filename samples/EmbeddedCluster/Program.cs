// An ordinary ASP.NET Core app that also serves a Kubernetes API, stored in SQLite next to it.
// Run:   dotnet run --project samples/EmbeddedCluster -- --urls http://127.0.0.1:5080
// Then:  kubectl --server http://127.0.0.1:5080 get namespaces
var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddSuperKube()
    .AddSqliteStorage(options => options.Path = Path.Combine(builder.Environment.ContentRootPath, "embedded-cluster.db"));

var app = builder.Build();

app.MapGet("/hello", () => "This app embeds a Kubernetes API under /api and /apis.");
app.MapSuperKubeApi();

app.Run();
