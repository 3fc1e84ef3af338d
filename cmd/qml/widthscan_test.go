package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWidthScan runs a small scan and checks the tables, the slope line and
// the plot.
func TestWidthScan(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ws.png")
	code, stdout, stderr := run(t, "", "widthscan", "--widths", "4,64", "--nets", "500",
		"--kurtosis-widths", "8,16", "--depths", "1,2", "--kurtosis-nets", "4000", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{"(a) output covariance", "(b) excess kurtosis", "log–log slope", "wrote " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
	if code, _, stderr := run(t, "", "widthscan", "--activation", "tanh"); code == 0 || !strings.Contains(stderr, "activation") {
		t.Errorf("bad activation: exit %d, %s", code, stderr)
	}
}
