namespace IamLab.Benchmarks;

/// <summary>Writes a JSON Lines file of varied cases (allowed, implicitDeny and explicitDeny) for end-to-end timing.</summary>
internal static class CaseFileMaker
{
    public static void Write(int count, string path)
    {
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var user = $"user{i % 1000}";
            var (action, expected) = (i % 3) switch
            {
                0 => ("s3:GetObject", "allowed"),
                1 => ("s3:PutObject", "implicitDeny"),
                _ => ("s3:DeleteObject", "explicitDeny"),
            };
            writer.Write($"{{\"name\": \"case {i}\", \"request\": {{\"principal\": \"arn:aws:iam::111111111111:user/{user}\", \"action\": \"{action}\", \"resource\": \"arn:aws:s3:::example-bucket/home/{user}/file{i}.txt\", \"context\": {{\"aws:SourceIp\": \"203.0.113.{i % 250}\"}}}}, ");
            writer.Write("""
                "identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "arn:aws:s3:::example-bucket/home/${aws:username}/*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}, {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}], 
                """);
            writer.WriteLine($$"""
                "expected": "{{expected}}"}
                """);
        }
    }
}
