using Microsoft.AspNetCore.Http;

namespace SuperKube.Streaming;

/// <summary>Serves <c>GET pods/P/log</c>: checks the container, then copies its log to the response as it comes.</summary>
internal static class PodLogStreamer
{
    public static async Task ServeAsync(HttpContext context, PodStreamTarget target, PodLogOptions options)
    {
        target.EnsureStarted(mustRun: false);
        if (options.Previous && target.Status?.LastState?.Terminated is null)
        {
            throw Api.ApiException.BadRequest($"previous terminated container \"{target.Container}\" in pod \"{target.Name}\" not found");
        }

        var provider = PodStreamProviders.For(context, target);
        var log = await provider.OpenLogAsync(target.Json, target.Container, options, context.RequestAborted).ConfigureAwait(false);
        await CopyAsync(context, log).ConfigureAwait(false);
    }

    /// <summary>Answers 200 text/plain and copies <paramref name="log"/> to the response as it comes, then disposes it.</summary>
    public static async Task CopyAsync(HttpContext context, Stream log)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(log);
        var aborted = context.RequestAborted;
        await using (log.ConfigureAwait(false))
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            await context.Response.StartAsync(aborted).ConfigureAwait(false);
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await log.ReadAsync(buffer, aborted).ConfigureAwait(false)) > 0)
            {
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), aborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
    }
}
