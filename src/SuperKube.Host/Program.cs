using SuperKube.Host;

return await SuperKubeCli.Build().Parse(args).InvokeAsync();
