package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRG runs a small chain flow and lattice stack and checks the report
// and the plots.
func TestRG(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := run(t, "", "rg", "--chains", "100", "--steps", "100", "--iterations", "4",
		"--lattice", "--size", "8", "--samples", "100", "--hidden", "16,4", "--epochs", "2", "--out-dir", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{"learned K′", "largest |learned − decimation|", "iterated learned flow", "4×4 patch", "block spins 4×4", "RBM layer 1"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	for _, f := range []string{"rg-flow.png", "rg-fields.png"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
}
