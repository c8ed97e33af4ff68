// Linked into executables of sanitizer builds only (CRYOSR_SANITIZE, cmake/CryoSRFlags.cmake).
//
// LeakSanitizer looks for pointers to live blocks in the globals of the libraries loaded at exit. Qt
// unloads its plugins (platform, image formats, input methods) and Mesa its drivers before that, so
// every block only their globals held is reported as a leak, with stack frames in code that is gone
// ("<unknown module>") and so cannot be suppressed by name. Keeping every library loaded until the
// process ends makes those blocks reachable again; a leak in our code is still reported.
extern "C" int dlclose(void*)
{
    return 0;
}
