using System.ComponentModel.DataAnnotations;

namespace SuperKube.Controllers.Batch;

/// <summary>Settings of the built-in Job controller.</summary>
public sealed class JobControllerOptions
{
    /// <summary>The delay before the first replacement of a failed pod; it doubles with every further failure. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay between failed pods. Default 6 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(6);
}
