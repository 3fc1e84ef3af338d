//go:build unix

package bench

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time this process has used, all threads
// together: on a shared machine it separates the work from the waiting.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
