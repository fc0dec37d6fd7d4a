using BenchmarkDotNet.Running;
using IamLab.Benchmarks;

// `make-cases N FILE` writes N cases in JSON Lines for the end-to-end `iamlab eval --cases` measurement.
if (args.Length == 3 && args[0] == "make-cases")
{
    CaseFileMaker.Write(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
    return;
}

// `make-distinct-cases N FILE` writes N cases whose policies all differ (no policy text repeats).
if (args.Length == 3 && args[0] == "make-distinct-cases")
{
    DistinctPolicyCaseFileMaker.Write(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
    return;
}

// `make-submissions SCENARIO_DIR N OUT_DIR` writes a class of N submissions for timing `iamlab grade ID --submissions`.
if (args.Length == 4 && args[0] == "make-submissions")
{
    SubmissionMaker.Write(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DecisionBenchmarks).Assembly).Run(args);
