package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// clockTick is USER_HZ, the unit of utime and stime in /proc/PID/stat: 100
// on every Linux architecture Go supports.
const clockTick = time.Second / 100

// processTreeCPU returns the user plus system CPU time of process pid and
// all its descendants (Chromium's renderers, GPU and utility processes).
func processTreeCPU(pid int) time.Duration {
	children := map[int][]int{}
	cpu := map[int]time.Duration{}
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		id, err := strconv.Atoi(filepath.Base(d))
		if err != nil {
			continue
		}
		ppid, t, ok := readStat(d)
		if !ok {
			continue
		}
		children[ppid] = append(children[ppid], id)
		cpu[id] = t
	}
	var total time.Duration
	queue := []int{pid}
	for len(queue) > 0 {
		id := queue[0]
		queue = append(queue[1:], children[id]...)
		total += cpu[id]
	}
	return total
}

// readStat reads the parent and the utime+stime of /proc/PID/stat. The
// command name in parentheses may hold spaces, so fields count from the
// last ')'.
func readStat(dir string) (ppid int, t time.Duration, ok bool) {
	data, err := os.ReadFile(filepath.Join(dir, "stat"))
	if err != nil {
		return 0, 0, false
	}
	i := strings.LastIndexByte(string(data), ')')
	if i < 0 {
		return 0, 0, false
	}
	f := strings.Fields(string(data[i+1:])) // f[0] is field 3 (state)
	if len(f) < 13 {
		return 0, 0, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	utime, err2 := strconv.ParseInt(f[11], 10, 64)
	stime, err3 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, 0, false
	}
	return ppid, time.Duration(utime+stime) * clockTick, true
}
