namespace IamLab.Benchmarks;

/// <summary>
/// Writes a JSON Lines file whose every case carries policies of its own (no two cases share a policy text): the
/// worst case for a reader that caches policies by text. A third of the cases are allowed, a third implicitly and a
/// third explicitly denied; about one in four has a resource-based policy, one in five a permissions boundary.
/// </summary>
internal static class DistinctPolicyCaseFileMaker
{
    public static void Write(int count, string path)
    {
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            var user = $"user{i}";
            var bucket = $"bucket-{i:x6}";
            var (action, expected) = (i % 3) switch
            {
                0 => ("s3:GetObject", "allowed"),
                1 => ("s3:PutObject", "implicitDeny"),
                _ => ("s3:DeleteObject", "explicitDeny"),
            };
            var net = $"10.{i % 250}.{i / 250 % 250}.0/24";
            var ip = $"10.{i % 250}.{i / 250 % 250}.{7 + i % 200}";
            writer.Write($$$"""{"name": "case {{{i}}}", "request": {"principal": "arn:aws:iam::111111111111:user/{{{user}}}", "action": "{{{action}}}", "resource": "arn:aws:s3:::{{{bucket}}}/home/{{{user}}}/file{{{i}}}.txt", "context": {"aws:SourceIp": "{{{ip}}}", "aws:SecureTransport": "true"}}, """);
            writer.Write($$$$"""
                "identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Sid": "Read{{{{i}}}}", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "s3:DeleteObject"], "Resource": ["arn:aws:s3:::{{{{bucket}}}}/home/${aws:username}/*", "arn:aws:s3:::{{{{bucket}}}}"], "Condition": {"IpAddress": {"aws:SourceIp": "{{{{net}}}}"}, "Bool": {"aws:SecureTransport": "true"}}}, {"Sid": "NoDelete{{{{i}}}}", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::{{{{bucket}}}}/*"}]}], 
                """);
            if (i % 4 == 0)
            {
                writer.Write($$$"""
                    "resourcePolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "Owner{{{i}}}", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "s3:*", "Resource": "arn:aws:s3:::{{{bucket}}}/*"}]}, 
                    """);
            }

            if (i % 5 == 0)
            {
                writer.Write($$$"""
                    "permissionsBoundary": {"Version": "2012-10-17", "Statement": [{"Sid": "Bound{{{i}}}", "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::{{{bucket}}}*"}]}, 
                    """);
            }

            writer.WriteLine($$$"""
                "expected": "{{{expected}}}"}
                """);
        }
    }
}
