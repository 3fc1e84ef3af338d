package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPCARG runs a small analysis and checks the report and the plot.
func TestPCARG(t *testing.T) {
	out := filepath.Join(t.TempDir(), "p.png")
	code, stdout, stderr := run(t, "", "pca-rg", "--pca-size", "8", "--pca-samples", "200", "--components", "5",
		"--spectrum-size", "16", "--spectrum-samples", "100", "--thermalize", "20", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{"(a) PCA of 200 configurations", "smallest overlap", "(b) spectrum", "wrote " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	if code, _, _ := run(t, "", "pca-rg", "--components", "0"); code == 0 {
		t.Error("--components 0 accepted")
	}
}
