using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SuperKube.Security.Pki;

/// <summary>Reads and writes PEM certificates and keys; every file written is readable by its owner only (0600).</summary>
internal static class PemFiles
{
    public static void WriteCertificate(string path, X509Certificate2 certificate) => WritePrivate(path, certificate.ExportCertificatePem());

    public static void WriteKey(string path, ECDsa key) => WritePrivate(path, key.ExportPkcs8PrivateKeyPem());

    public static void WritePrivate(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.EndsWith('\n') ? text : text + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A certificate with its private key, from <c>NAME.crt</c> and <c>NAME.key</c>; null when either is missing.</summary>
    public static X509Certificate2? ReadPair(string directory, string name)
    {
        var crt = Path.Combine(directory, name + ".crt");
        var key = Path.Combine(directory, name + ".key");
        if (!File.Exists(crt) || !File.Exists(key))
        {
            return null;
        }

        using var pem = X509Certificate2.CreateFromPemFile(crt, key);

        // Re-import so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    public static void WritePair(string directory, string name, X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException($"{name} has no ECDSA private key");
        WriteKey(Path.Combine(directory, name + ".key"), key);
        WriteCertificate(Path.Combine(directory, name + ".crt"), certificate);
    }
}
