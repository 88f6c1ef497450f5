using SuperKube.Model.Batch;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Batch.Tests;

public sealed class CronJobPlannerTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static CronJob CronJob(string policy = "Allow", long? deadline = null, bool suspend = false, DateTimeOffset? last = null) => new()
    {
        Metadata = new ObjectMeta { Name = "nightly", CreationTimestamp = Created },
        Spec = new CronJobSpec { Schedule = "*/10 * * * *", ConcurrencyPolicy = policy, StartingDeadlineSeconds = deadline, Suspend = suspend },
        Status = new CronJobStatus { LastScheduleTime = last },
    };

    private static CronJobDecision Decide(CronJob cronJob, int active, DateTimeOffset now)
    {
        Assert.True(CronSchedule.TryParse(cronJob.Spec!.Schedule, out var schedule, out _));
        return CronJobPlanner.Decide(cronJob, schedule, TimeZoneInfo.Utc, active, now);
    }

    [Fact]
    public void Decide_MissedTimes_RunsMostRecent()
    {
        var decision = Decide(CronJob(), 0, Created.AddMinutes(35));

        Assert.Equal(Created.AddMinutes(30), decision.Run);
        Assert.Equal(Created.AddMinutes(40), decision.Next);
    }

    [Fact]
    public void Decide_AlreadyRan_WaitsForNext()
    {
        var decision = Decide(CronJob(last: Created.AddMinutes(30)), 0, Created.AddMinutes(35));

        Assert.Null(decision.Run);
        Assert.Equal(Created.AddMinutes(40), decision.Next);
    }

    [Fact]
    public void Decide_ForbidWithActiveJob_Skips() => Assert.Null(Decide(CronJob("Forbid"), 1, Created.AddMinutes(10)).Run);

    [Fact]
    public void Decide_ReplaceWithActiveJob_RunsAndReplaces()
    {
        var decision = Decide(CronJob("Replace"), 1, Created.AddMinutes(10));

        Assert.Equal((Created.AddMinutes(10), true), (decision.Run, decision.ReplaceActive));
    }

    [Fact]
    public void Decide_AllowWithActiveJob_RunsAlongside() =>
        Assert.Equal((Created.AddMinutes(10), false), (Decide(CronJob(), 3, Created.AddMinutes(10)).Run, Decide(CronJob(), 3, Created.AddMinutes(10)).ReplaceActive));

    [Fact]
    public void Decide_PastStartingDeadline_DoesNotRun() =>
        Assert.Null(Decide(CronJob(deadline: 60), 0, Created.AddMinutes(12)).Run);

    [Fact]
    public void Decide_WithinStartingDeadline_Runs() =>
        Assert.Equal(Created.AddMinutes(10), Decide(CronJob(deadline: 300), 0, Created.AddMinutes(12)).Run);

    [Fact]
    public void Decide_Suspended_NeverRuns()
    {
        var decision = Decide(CronJob(suspend: true), 0, Created.AddMinutes(30));

        Assert.Equal((null, null), (decision.Run, decision.Next));
    }

    [Fact]
    public void JobName_MinutesSinceEpoch() =>
        Assert.Equal("nightly-29017860", CronJobPlanner.JobName("nightly", new DateTimeOffset(2025, 3, 4, 7, 0, 0, TimeSpan.Zero)));
}
