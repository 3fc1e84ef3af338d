package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qmlgo/qml/bench"
)

// tinySuite is the bench package's test suite: 8 runs of about 10 ms.
const tinySuite = "../../bench/testdata/tiny.yaml"

// TestBenchModelsShardsMerge runs the tiny suite whole and in two shards
// through the CLI; merging the shards prints the table the whole run
// prints (times left out: they are the one thing seeds do not fix).
func TestBenchModelsShardsMerge(t *testing.T) {
	dir := t.TempDir()
	code, whole, stderr := run(t, "", "bench", "models", tinySuite, "--out", filepath.Join(dir, "whole"), "--jobs", "2", "--times=false")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"### iris", "### circle", "| logistic | logistic | classical |", "| vqc | vqc (statevector) | quantum |", "bench.png"} {
		if !strings.Contains(whole, want) {
			t.Errorf("output lacks %q:\n%s", want, whole)
		}
	}
	for _, sh := range []string{"0/2", "1/2"} {
		if code, _, stderr := run(t, "", "bench", "models", tinySuite, "--out", dir, "--shard", sh, "--jobs", "1"); code != 0 {
			t.Fatalf("shard %s: exit %d: %s", sh, code, stderr)
		}
	}
	code, merged, stderr := run(t, "", "bench", "merge", "--out", filepath.Join(dir, "merged"), "--times=false",
		filepath.Join(dir, "bench-shard-0-of-2.json"), filepath.Join(dir, "bench-shard-1-of-2.json"))
	if code != 0 {
		t.Fatalf("merge: exit %d: %s", code, stderr)
	}
	table := func(s string) string { return s[strings.Index(s, "### "):strings.LastIndex(s, "|")] }
	if table(merged) != table(whole) {
		t.Errorf("merged table\n%s\nunsharded\n%s", table(merged), table(whole))
	}
	if _, err := os.Stat(filepath.Join(dir, "merged", benchPlotFile)); err != nil {
		t.Error(err)
	}
}

// TestBenchModelsResume runs a suite, then resumes it: nothing is left to
// run, and the table is printed again from bench.json.
func TestBenchModelsResume(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := run(t, "", "bench", "models", tinySuite, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := bench.ReadFile(filepath.Join(out, benchFile))
	if err != nil {
		t.Fatal(err)
	}
	f.Records = f.Records[:3] // as if interrupted after three runs
	if err := f.Write(filepath.Join(out, benchFile)); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "", "bench", "models", tinySuite, "--out", out, "--resume")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "8 runs, 3 already finished") || strings.Count(stdout, "\n[") != 5 {
		t.Errorf("resume output:\n%s", stdout)
	}
}

func TestBenchModelsErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("datasets: {iris: {dataset: iris}}\nmodels:\n  - name: m\n    model: {kind: logistic, l2: -1}\n    train: {epochs: 1}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{bad}, bad + ":4: model.l2: -1, want a finite number ≥ 0"},
		{[]string{tinySuite, "--shard", "3/3"}, "--shard: shard \"3/3\""},
		{[]string{tinySuite, "--jobs", "0"}, "--jobs 0"},
		{[]string{tinySuite, "--resume", "--out", dir}, "--resume"},
	} {
		code, _, stderr := run(t, "", append([]string{"bench", "models"}, tc.args...)...)
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestBenchSim(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := run(t, "", "bench", "sim", "--qubits", "5", "--circuits", "ghz,qft", "--out", out, "../../examples/qft.qasm")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"| ghz_n5 | 5 | 5 | statevector 1t fused |", "| qft | ", "itsubaki/q", "mps χ=64", "floor"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	for _, f := range []string{simFile, simPlotFile} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	if code, _, stderr := run(t, "", "bench", "sim", "--repeats", "2"); code == 0 || !strings.Contains(stderr, "at least 3") {
		t.Errorf("--repeats 2: exit %d, %q", code, stderr)
	}
}
