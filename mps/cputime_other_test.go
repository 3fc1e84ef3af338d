//go:build !unix

package mps_test

import "time"

// processCPU is unavailable here; reports show zero CPU time.
func processCPU() time.Duration { return 0 }
