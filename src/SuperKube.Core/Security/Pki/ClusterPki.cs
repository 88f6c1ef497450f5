using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SuperKube.Security.Pki;

/// <summary>
/// The cluster's key material in <c>DATA_DIR/pki</c>, created on first start: the cluster CA and the serving
/// certificate it signs, the client CA and the admin certificate (group system:masters), the service-account
/// signing key, the static token file and the node-join token. The serving certificate is renewed when a third of
/// its lifetime is left or when the wanted host names change.
/// </summary>
public sealed class ClusterPki : IDisposable
{
    private static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(365);
    private readonly Lock _lock = new();
    private readonly string[] _serverNames;
    private readonly TimeProvider _time;
    private X509Certificate2 _serving;

    private ClusterPki(string directory, string[] serverNames, TimeProvider time)
    {
        Directory = directory;
        _serverNames = serverNames;
        _time = time;
        var now = time.GetUtcNow();
        ClusterAuthority = PemFiles.ReadPair(directory, "ca") ?? Create(directory, "ca", CertificateFactory.CreateAuthority("superkube-ca", now, AuthorityLifetime));
        ClientAuthority = PemFiles.ReadPair(directory, "client-ca")
            ?? Create(directory, "client-ca", CertificateFactory.CreateAuthority("superkube-client-ca", now, AuthorityLifetime));
        Admin = PemFiles.ReadPair(directory, "admin")
            ?? Create(directory, "admin", CertificateFactory.CreateClient(ClientAuthority, "admin", ["system:masters"], now, LeafLifetime));
        _serving = PemFiles.ReadPair(directory, "apiserver") ?? NewServing(now);
        ServiceAccountKey = LoadOrCreateKey(Path.Combine(directory, "sa.key"));
        AdminToken = LoadOrCreateSecret(Path.Combine(directory, "admin-token"));
        NodeToken = LoadOrCreateSecret(Path.Combine(directory, "node-token"));
        TokenFile = Path.Combine(directory, "tokens.csv");
        if (!File.Exists(TokenFile))
        {
            PemFiles.WritePrivate(TokenFile, $"{AdminToken},admin,admin,\"system:masters\"\n");
        }
    }

    /// <summary>The directory holding the files.</summary>
    public string Directory { get; }

    /// <summary>The CA that signs the serving certificate (clients trust it).</summary>
    public X509Certificate2 ClusterAuthority { get; }

    /// <summary>The CA whose client certificates the server accepts.</summary>
    public X509Certificate2 ClientAuthority { get; }

    /// <summary>The administrator's client certificate (CN admin, O system:masters), with its key.</summary>
    public X509Certificate2 Admin { get; }

    /// <summary>The key that signs and verifies service-account tokens.</summary>
    public ECDsa ServiceAccountKey { get; }

    /// <summary>The administrator's bearer token (also listed in <see cref="TokenFile"/>).</summary>
    public string AdminToken { get; }

    /// <summary>The token remote nodes join with (<c>superkube node --token</c>).</summary>
    public string NodeToken { get; }

    /// <summary>The static token file (<c>token,user,uid,"group1,group2"</c> per line); more users may be added to it.</summary>
    public string TokenFile { get; }

    /// <summary>Loads the files in <paramref name="directory"/>, creating what is missing.</summary>
    public static ClusterPki LoadOrCreate(string directory, IEnumerable<string> serverNames, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(serverNames);
        ArgumentNullException.ThrowIfNull(time);
        System.IO.Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var pki = new ClusterPki(directory, [.. serverNames.Distinct(StringComparer.OrdinalIgnoreCase)], time);
        pki.ServingCertificate();
        return pki;
    }

    /// <summary>The serving certificate; renewed first when it is close to expiry or misses a wanted name.</summary>
    public X509Certificate2 ServingCertificate()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var remaining = new DateTimeOffset(_serving.NotAfter) - now;
            if (remaining < LeafLifetime / 3 || !CoversNames(_serving, _serverNames))
            {
                _serving = NewServing(now);
            }

            return _serving;
        }
    }

    /// <summary>The cluster CA as PEM, for kubeconfigs and <c>--ca-file</c>.</summary>
    public string ClusterAuthorityPem => ClusterAuthority.ExportCertificatePem();

    public void Dispose()
    {
        ClusterAuthority.Dispose();
        ClientAuthority.Dispose();
        Admin.Dispose();
        _serving.Dispose();
        ServiceAccountKey.Dispose();
    }

    private X509Certificate2 NewServing(DateTimeOffset now) =>
        Create(Directory, "apiserver", CertificateFactory.CreateServer(ClusterAuthority, "superkube-apiserver", _serverNames, now, LeafLifetime));

    private static bool CoversNames(X509Certificate2 certificate, IEnumerable<string> names)
    {
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (san is null)
        {
            return false;
        }

        var present = new HashSet<string>(san.EnumerateDnsNames(), StringComparer.OrdinalIgnoreCase);
        present.UnionWith(san.EnumerateIPAddresses().Select(a => a.ToString()));
        return names.All(n => present.Contains(System.Net.IPAddress.TryParse(n, out var ip) ? ip.ToString() : n));
    }

    private static X509Certificate2 Create(string directory, string name, X509Certificate2 created)
    {
        using (created)
        {
            PemFiles.WritePair(directory, name, created);
        }

        return PemFiles.ReadPair(directory, name) ?? throw new InvalidOperationException($"{name} could not be read back");
    }

    private static ECDsa LoadOrCreateKey(string path)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }

        PemFiles.WriteKey(path, key);
        return key;
    }

    private static string LoadOrCreateSecret(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        PemFiles.WritePrivate(path, secret);
        return secret;
    }
}
