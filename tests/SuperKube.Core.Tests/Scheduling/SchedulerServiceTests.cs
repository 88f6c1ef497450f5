using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.Client;
using SuperKube.Scheduling.Framework;
using SuperKube.Scheduling.Plugins;
using static SuperKube.Scheduling.Tests.SchedulerTestHost;

namespace SuperKube.Scheduling.Tests;

/// <summary>The scheduler end to end, in-process: watches, binding, events, conditions, retries and profiles.</summary>
public sealed class SchedulerServiceTests
{
    [Fact]
    public async Task Pod_FittingNode_IsBoundWithScheduledEvent()
    {
        await using var host = await StartAsync();
        await host.NodeAsync("n1");

        await host.PodAsync("p");
        var pod = await host.PodWhenAsync("p", p => NodeName(p) is not null);
        var events = await host.EventsAsync("p", "Scheduled");

        Assert.Equal("n1", NodeName(pod));
        Assert.Equal("True", (string?)Condition(pod)?["status"]);
        var scheduled = Assert.Single(events);
        Assert.Equal("Successfully assigned default/p to n1", (string?)scheduled["message"]);
        Assert.Equal("default-scheduler", (string?)scheduled["source"]?["component"]);
        Assert.Equal("Normal", (string?)scheduled["type"]);
    }

    [Fact]
    public async Task Pod_NoRoom_StaysPendingWithUnschedulableConditionAndEvent()
    {
        await using var host = await StartAsync();
        await host.NodeAsync("n1", cpu: "50m");

        await host.PodAsync("p");
        var pod = await host.PodWhenAsync("p", p => Condition(p) is not null);
        var failed = await host.EventsAsync("p", "FailedScheduling");

        const string expected = "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..";
        Assert.Null(NodeName(pod));
        Assert.Equal("Unschedulable", (string?)Condition(pod)?["reason"]);
        Assert.Equal(expected, (string?)Condition(pod)?["message"]);
        Assert.Equal(expected, (string?)Assert.Single(failed)["message"]);
        Assert.Equal("Warning", (string?)failed[0]["type"]);
    }

    [Fact]
    public async Task PendingPod_NodeAdded_IsScheduled()
    {
        await using var host = await StartAsync();
        await host.PodAsync("p");
        await host.PodWhenAsync("p", p => Condition(p) is not null);

        await host.NodeAsync("late");

        Assert.Equal("late", NodeName(await host.PodWhenAsync("p", p => NodeName(p) is not null)));
    }

    [Fact]
    public async Task Pod_OtherSchedulerName_IsLeftAlone()
    {
        await using var host = await StartAsync();
        await host.NodeAsync("n1");

        await host.PodAsync("mine-not", ""","schedulerName":"someone-else" """);
        await host.PodAsync("witness");
        await host.PodWhenAsync("witness", p => NodeName(p) is not null);
        var pod = await host.Client.GetAsync(ApiResource.Pods, "default", "mine-not", default);

        Assert.Null(NodeName(pod!));
        Assert.Null(Condition(pod!));
    }

    [Fact]
    public async Task Plugin_Throwing_MarksTheAttemptAsErrorRetriesAndKeepsScheduling()
    {
        await using var host = await StartAsync(b => b.AddSchedulerPlugin<ThrowingFilter>());
        await host.NodeAsync("n1");

        await host.PodAsync("boom", labels: """{"boom":"yes"}""");
        await host.PodAsync("fine");
        var fine = await host.PodWhenAsync("fine", p => NodeName(p) is not null);
        var boom = await host.PodWhenAsync("boom", p => Condition(p) is not null);
        var plugin = host.Services.GetRequiredService<ThrowingFilter>();
        await host.PodWhenAsync("boom", _ => plugin.Calls >= 3);

        Assert.Equal("n1", NodeName(fine));
        Assert.Null(NodeName(boom));
        Assert.Equal("SchedulerError", (string?)Condition(boom)?["reason"]);
        Assert.Contains("running ThrowingFilter: kaboom", (string?)Condition(boom)?["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_SecondSchedulerName_SchedulesItsPodsWithItsPlugins()
    {
        await using var host = await StartAsync(b => b.AddSchedulerPlugin<PreferNodeB>().ConfigureScheduler(o =>
        {
            o.Profiles[SchedulerOptions.DefaultSchedulerName].Disable(PreferNodeB.PluginName);
            o.Profiles["prefer-b"] = new SchedulerProfileOptions().Weight(PreferNodeB.PluginName, 100);
        }));
        await host.NodeAsync("a");
        await host.NodeAsync("b");

        await host.PodAsync("p", ""","schedulerName":"prefer-b" """);

        Assert.Equal("b", NodeName(await host.PodWhenAsync("p", p => NodeName(p) is not null)));
    }

    [Fact]
    public async Task Options_UnknownPluginInProfile_FailsAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSuperKube().AddSqliteStorage(o => o.Path = ":memory:")
            .AddScheduler(o => o.Profiles[SchedulerOptions.DefaultSchedulerName].Disable("NoSuchPlugin").Weight(PluginNames.NodeAffinity, 500));
        var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("\"NoSuchPlugin\", which is not registered", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("weight of NodeAffinity must be between 1 and 100", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PluginArgs_Invalid_FailAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSuperKube().AddSqliteStorage(o => o.Path = ":memory:").AddScheduler();
        builder.Services.Configure<NodeResourcesFitArgs>(PluginNames.NodeResourcesFit, a => a.ScoringStrategy = "Random");
        var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var validation = error as OptionsValidationException ?? Assert.IsType<OptionsValidationException>(error.InnerException);
        Assert.Contains("NodeResourcesFit: ScoringStrategy must be one of", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddScheduler_CalledTwice_RegistersServicesOnce()
    {
        var once = new ServiceCollection();
        once.AddSuperKube().AddScheduler();
        var twice = new ServiceCollection();
        twice.AddSuperKube().AddScheduler().AddScheduler().AddSchedulerPlugin<PrioritySort>();

        Assert.Equal(
            once.Select(d => (d.ServiceType, d.ImplementationType)).Where(d => d.ServiceType.Namespace?.StartsWith("SuperKube", StringComparison.Ordinal) == true),
            twice.Select(d => (d.ServiceType, d.ImplementationType)).Where(d => d.ServiceType.Namespace?.StartsWith("SuperKube", StringComparison.Ordinal) == true));
    }

    internal sealed class ThrowingFilter : IFilterPlugin
    {
        private int _calls;

        public string Name => nameof(ThrowingFilter);

        public int Calls => Volatile.Read(ref _calls);

        public SchedulingStatus Filter(CycleState state, PodInfo pod, NodeInfo node)
        {
            if (pod.Labels.ContainsKey("boom"))
            {
                Interlocked.Increment(ref _calls);
                throw new InvalidOperationException("kaboom");
            }

            return SchedulingStatus.Success;
        }
    }

    internal sealed class PreferNodeB : IScorePlugin
    {
        public const string PluginName = nameof(PreferNodeB);

        public string Name => PluginName;

        public long Score(CycleState state, PodInfo pod, NodeInfo node) => node.Name == "b" ? 100 : 0;
    }
}
