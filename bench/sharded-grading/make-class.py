#!/usr/bin/env python3
"""Writes a class of COUNT submissions spread over every scenario: OUT/<scenario>/learner-NNNNN/, each a copy of the
scenario's solution, starter, or one of its answers (right and wrong) in turn, so that every kind of outcome is graded."""
import os, shutil, sys

root, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
scenarios = sorted(d for d in os.listdir(os.path.join(root, "scenarios")) if os.path.isfile(os.path.join(root, "scenarios", d, "scenario.yaml")))
for n, scenario in enumerate(scenarios):
    folder = os.path.join(root, "scenarios", scenario)
    sources = [os.path.join(folder, "solution"), os.path.join(folder, "starter")]
    for kind in ("right", "wrong"):
        answers = os.path.join(folder, "answers", kind)
        if os.path.isdir(answers):
            sources += [os.path.join(answers, a) for a in sorted(os.listdir(answers))]
    share = count // len(scenarios) + (1 if n < count % len(scenarios) else 0)
    for i in range(share):
        target = os.path.join(out, scenario, f"learner-{i:05d}")
        os.makedirs(target)
        source = sources[i % len(sources)]
        for name in os.listdir(source):
            if name.endswith(".json"):
                shutil.copyfile(os.path.join(source, name), os.path.join(target, name))
print(f"{count} submissions over {len(scenarios)} scenarios in {out}")
