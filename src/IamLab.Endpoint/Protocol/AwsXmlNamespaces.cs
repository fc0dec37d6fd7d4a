namespace IamLab.Endpoint.Protocol;

/// <summary>The XML namespaces of the AWS APIs the endpoint speaks.</summary>
public static class AwsXmlNamespaces
{
    /// <summary>STS, API version 2011-06-15.</summary>
    public const string Sts = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>IAM, API version 2010-05-08.</summary>
    public const string Iam = "https://iam.amazonaws.com/doc/2010-05-08/";

    /// <summary>EC2, API version 2016-11-15.</summary>
    public const string Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /// <summary>S3, API version 2006-03-01 (success documents only; S3 error documents carry no namespace).</summary>
    public const string S3 = "http://s3.amazonaws.com/doc/2006-03-01/";
}
