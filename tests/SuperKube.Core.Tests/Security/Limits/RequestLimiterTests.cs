using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SuperKube.Api;

namespace SuperKube.Security.Limits.Tests;

public sealed class RequestLimiterTests
{
    private static readonly UserInfo Jane = new("jane", ["system:authenticated"]);
    private static readonly UserInfo Root = new("root", ["system:masters", "system:authenticated"]);

    private static RequestLimiter Limiter(int reads = 2, int writes = 1, int watches = 2) =>
        new(Options.Create(new RequestLimitsOptions { MaxRequestsInFlight = reads, MaxMutatingRequestsInFlight = writes, MaxWatchesPerUser = watches }));

    private static HttpRequest Request(string method, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void Admit_ReadOnlyLimitReached_TooManyRequestsWithRetryAfter()
    {
        var limiter = Limiter(reads: 2);
        using var first = limiter.Admit(Jane, RequestKind.ReadOnly);
        using var second = limiter.Admit(Jane, RequestKind.ReadOnly);

        var error = Assert.Throws<ApiException>(() => limiter.Admit(Jane, RequestKind.ReadOnly));

        Assert.Equal(429, error.Code);
        Assert.Equal("TooManyRequests", error.Reason);
        Assert.Equal("Too many requests, please try again later.", error.Message);
        Assert.Equal("1", error.Headers!["Retry-After"]);
        Assert.Equal(1, (int)error.ToStatus()["details"]!["retryAfterSeconds"]!);
        Assert.Equal(2, limiter.ReadOnlyInFlight);
    }

    [Fact]
    public void Admit_AfterALeaseIsDisposed_AdmitsAgain()
    {
        var limiter = Limiter(writes: 1);
        var first = limiter.Admit(Jane, RequestKind.Mutating);
        Assert.Throws<ApiException>(() => limiter.Admit(Jane, RequestKind.Mutating));

        first.Dispose();
        using var next = limiter.Admit(Jane, RequestKind.Mutating);

        Assert.Equal(1, limiter.MutatingInFlight);
    }

    [Fact]
    public void Admit_ReadsAndWritesCountSeparately_LongRunningNotAtAll()
    {
        var limiter = Limiter(reads: 1, writes: 1);
        using var read = limiter.Admit(Jane, RequestKind.ReadOnly);

        using var write = limiter.Admit(Jane, RequestKind.Mutating);
        using var exec = limiter.Admit(Jane, RequestKind.LongRunning);

        Assert.Equal(1, limiter.ReadOnlyInFlight);
        Assert.Equal(1, limiter.MutatingInFlight);
    }

    [Fact]
    public void Admit_SystemMastersWhenFull_ServedWithoutASlot()
    {
        var limiter = Limiter(reads: 1);
        using var held = limiter.Admit(Jane, RequestKind.ReadOnly);

        using var root = limiter.Admit(Root, RequestKind.ReadOnly);

        Assert.Equal(1, limiter.ReadOnlyInFlight);
    }

    [Fact]
    public void Admit_ZeroLimit_Unlimited()
    {
        var limiter = Limiter(reads: 0, watches: 0);

        var leases = Enumerable.Range(0, 1000).Select(_ => limiter.Admit(Jane, RequestKind.ReadOnly)).Concat(
            Enumerable.Range(0, 1000).Select(_ => limiter.Admit(Jane, RequestKind.Watch))).ToList();

        Assert.Equal(2000, leases.Count);
        Assert.Equal(0, limiter.ReadOnlyInFlight);
    }

    [Fact]
    public void Admit_WatchesPerUser_LimitedPerUserAndReleased()
    {
        var limiter = Limiter(watches: 2);
        var first = limiter.Admit(Jane, RequestKind.Watch);
        using var second = limiter.Admit(Jane, RequestKind.Watch);

        var error = Assert.Throws<ApiException>(() => limiter.Admit(Jane, RequestKind.Watch));
        using var other = limiter.Admit(new UserInfo("joe", []), RequestKind.Watch);
        using var root = limiter.Admit(Root, RequestKind.Watch);
        using var third = limiter.Admit(Root, RequestKind.Watch);
        first.Dispose();
        using var again = limiter.Admit(Jane, RequestKind.Watch);

        Assert.Equal(429, error.Code);
        Assert.Equal("Too many watches open for user \"jane\" (limit 2), please try again later.", error.Message);
    }

    [Fact]
    public void Admit_ManyThreads_CountReturnsToZero()
    {
        var limiter = Limiter(reads: 8);
        var rejected = 0;

        Parallel.For(0, 10_000, _ =>
        {
            try
            {
                using var lease = limiter.Admit(Jane, RequestKind.ReadOnly);
            }
            catch (ApiException)
            {
                Interlocked.Increment(ref rejected);
            }
        });

        Assert.Equal(0, limiter.ReadOnlyInFlight);
        Assert.True(rejected < 10_000);
    }

    [Theory]
    [InlineData("GET", "", null, "ReadOnly")]
    [InlineData("POST", "", null, "Mutating")]
    [InlineData("GET", "", "", "ReadOnly")]
    [InlineData("GET", "?watch=true", "", "Watch")]
    [InlineData("GET", "?watch=1", "", "Watch")]
    [InlineData("DELETE", "", "", "Mutating")]
    [InlineData("GET", "?follow=true", "log", "LongRunning")]
    [InlineData("POST", "", "exec", "LongRunning")]
    [InlineData("GET", "", "portforward", "LongRunning")]
    [InlineData("GET", "", "status", "ReadOnly")]
    [InlineData("PATCH", "", "status", "Mutating")]
    public void Classify_MethodPathAndQuery_Kind(string method, string query, string? subresource, string expected)
    {
        var info = subresource is null ? null : new RequestInfo { Resource = "pods", Name = "p", Subresource = subresource };

        Assert.Equal(Enum.Parse<RequestKind>(expected), RequestLimiter.Classify(Request(method, query), info));
    }

    [Fact]
    public void Classify_WatchPath_Watch() =>
        Assert.Equal(RequestKind.Watch, RequestLimiter.Classify(Request("GET"), new RequestInfo { Resource = "pods", WatchPath = true }));

    [Fact]
    public void Validator_NegativeLimits_Fail()
    {
        var result = new RequestLimitsOptionsValidator().Validate(null, new RequestLimitsOptions { MaxRequestsInFlight = -1, MaxWatchesPerUser = -5 });

        Assert.True(result.Failed);
        Assert.Contains("MaxRequestsInFlight", result.FailureMessage);
        Assert.Contains("MaxWatchesPerUser", result.FailureMessage);
    }
}
