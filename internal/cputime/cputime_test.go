package cputime

import (
	"runtime"
	"testing"
)

// TestProcessGrows spins for a while and checks that the reported
// processor time moves forward by about as much as the spin took.
func TestProcessGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no getrusage")
	}
	before := Process()
	x := 0.0
	for i := 0; i < 50_000_000; i++ {
		x += float64(i) * 1e-9
	}
	if after := Process(); after <= before {
		t.Errorf("processor time %v after a busy loop, %v before (x=%g)", after, before, x)
	}
}
