using CsCheck;
using IamLab.Policy.Reading;
using IamLab.Policy.Writing;
using Xunit;

namespace IamLab.Policy.Tests.Properties;

/// <summary>Reading, writing and reading again gives the same policy.</summary>
public class RoundTripLaws
{
    [Fact]
    public void ReadWriteRead_IsTheIdentity()
    {
        PolicyGen.Policy.Sample(json =>
        {
            var first = PolicyReader.Read(json);
            var written = PolicyWriter.Write(first.Policy!);
            var second = PolicyReader.Read(written);
            return !second.HasErrors && PolicyWriter.Write(second.Policy!) == written;
        });
    }

    [Fact]
    public void Write_KeepsEveryElement()
    {
        const string json = """
            {"Version": "2012-10-17", "Id": "p1", "Statement": {"Sid": "S1", "Effect": "Deny", "NotPrincipal": {"AWS": ["111111111111", "arn:aws:iam::111111111111:user/alice"], "Service": "ec2.amazonaws.com"},
             "NotAction": "s3:Get*", "NotResource": ["arn:aws:s3:::b/*"], "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", "b"]}, "NumericLessThan": {"s3:max-keys": "10"}}}}
            """;
        var policy = PolicyReader.Read(json).Policy!;
        var again = PolicyReader.Read(PolicyWriter.Write(policy)).Policy!;
        var s = again.Statements[0];
        Assert.Equal("p1", again.Id);
        Assert.False(again.StatementIsArray);
        Assert.Equal("S1", s.Sid);
        Assert.True(s.Principal!.IsNot);
        Assert.Equal(3, s.Principal.Values.Count);
        Assert.True(s.Action!.IsNot);
        Assert.True(s.Resource!.IsNot);
        Assert.Equal(["ForAnyValue:StringLikeIfExists", "NumericLessThan"], s.Conditions.Select(c => c.Operator.Name));
        Assert.Equal(["a*", "b"], s.Conditions[0].Values.Select(v => v.Text));
    }
}
