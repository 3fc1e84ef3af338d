package main

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qmlgo/qml/classical"
	"github.com/qmlgo/qml/dataset"
)

// TestIsingWritesDataset generates a small dataset and reads it back with
// the CSV loader in its default (label-first) layout.
func TestIsingWritesDataset(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ising.csv.gz")
	code, stdout, stderr := run(t, "", "ising", "--size", "4", "--temperatures", "5", "--per-temperature", "3",
		"--thermalize", "10", "--interval", "2", "--exclude", "0.25", "--seed", "2", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "wrote "+out+": 12 configurations of 4×4 spins") {
		t.Errorf("stdout %q", stdout)
	}
	d, err := dataset.LoadCSV(out, dataset.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Temperatures 1.5, 2, 2.5, 3, 3.5; 2.5 lies within 0.25 of T_c.
	if d.Len() != 12 || d.Dim() != 17 || d.FeatureNames[0] != "temperature" || d.FeatureNames[16] != "s_3_3" {
		t.Fatalf("read %d samples of %d features %v", d.Len(), d.Dim(), d.FeatureNames)
	}
	for i, x := range d.X {
		if want := x[0] > classical.CriticalTemperature; (d.Y[i] == classical.Disordered) != want {
			t.Errorf("row %d: T=%v labelled %d", i, x[0], d.Y[i])
		}
		for _, s := range x[1:] {
			if math.Abs(s) != 1 {
				t.Fatalf("row %d has spin %v", i, s)
			}
		}
	}
}

func TestIsingFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"ising"},
		{"ising", "--out", "x.csv", "--size", "0"},
		{"ising", "--out", filepath.Join(t.TempDir(), "x.csv"), "--algorithm", "glauber"},
	} {
		if code, _, stderr := run(t, "", args...); code == 0 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}
