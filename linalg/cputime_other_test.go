//go:build !unix

package linalg

import "time"

// processCPU is unavailable here; reports show zero CPU time.
func processCPU() time.Duration { return 0 }
