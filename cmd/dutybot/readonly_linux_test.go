package main

import (
	"os"
	"syscall"
	"testing"
	"unsafe"
)

// Linux's inode flags ioctls (linux/fs.h) and the immutable flag.
const (
	fsIocGetFlags = 0x80086601
	fsIocSetFlags = 0x40086602
	fsImmutableFl = 0x10
)

// makeReadOnly makes path a file this process cannot write: mode 0444 and,
// where that does not stop the process (root), the immutable flag too.
// It skips the test where neither works, and undoes both after it.
func makeReadOnly(t *testing.T, path string) {
	t.Helper()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(path, 0o644) })
	if !writable(path) {
		return
	}
	if err := setImmutable(path, true); err != nil {
		t.Skipf("cannot make %s read-only for this user (root, and no immutable flag here: %v)", path, err)
	}
	t.Cleanup(func() {
		if err := setImmutable(path, false); err != nil {
			t.Errorf("clear the immutable flag of %s: %v", path, err)
		}
	})
	if writable(path) {
		t.Skipf("%s is still writable with mode 0444 and the immutable flag", path)
	}
}

func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

func setImmutable(path string, on bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var flags int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), fsIocGetFlags, uintptr(unsafe.Pointer(&flags))); e != 0 {
		return e
	}
	if on {
		flags |= fsImmutableFl
	} else {
		flags &^= fsImmutableFl
	}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), fsIocSetFlags, uintptr(unsafe.Pointer(&flags))); e != 0 {
		return e
	}
	return nil
}
