// An operator in one app: it serves a Kubernetes API (stored in SQLite next to it), installs the Widget
// CustomResourceDefinition and runs a controller (a reconciler registered with AddController) that keeps spec.size
// Pods, owned by the Widget, for every Widget.
// Run:   dotnet run --project samples/CustomController -- --urls http://127.0.0.1:5080
// Then:  kubectl --server http://127.0.0.1:5080 apply -f samples/CustomController/widget.yaml
//        kubectl --server http://127.0.0.1:5080 get widgets,pods
//        kubectl --server http://127.0.0.1:5080 scale widget demo --replicas=3
using CustomController;
using SuperKube.Model.Core;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddSuperKube()
    .AddSqliteStorage(options => options.Path = Path.Combine(builder.Environment.ContentRootPath, "custom-controller.db"))
    .AddBuiltInControllers() // among them the garbage collector, which deletes a Widget's Pods with it
    .AddController<Widget, WidgetReconciler>(controller => controller.Owns<Pod>());
builder.Services.AddHostedService<WidgetDefinitionInstaller>();

var app = builder.Build();
app.MapSuperKubeApi();
app.Run();
