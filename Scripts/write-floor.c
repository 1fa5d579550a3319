// The kernel's floor for writing a built site: the folders and files of an output folder, read into
// memory first, then created again under a new folder on the given number of threads (each folder
// with mkdir, each file with open, one write and close), timed. No work of iopsite's is in it, so the
// time is what the file system costs for that tree on this machine.
//
//   cc -O2 -o write-floor Scripts/write-floor.c -lpthread
//   ./write-floor Public /dev/shm/floor 2     (the target must not exist)
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct { char *path; char *data; size_t size; int depth; } Entry;
static Entry *folders, *files;
static size_t folderCount, fileCount, capacityFolders, capacityFiles;
static size_t sourceLength;
static const char *target;
static int threads;

static int depth(const char *path) { int d = 0; for (; *path; path++) d += *path == '/'; return d; }

static int collect(const char *path, const struct stat *info, int kind, struct FTW *walk) {
    (void)walk;
    if (strlen(path) <= sourceLength) return 0;
    const char *relative = path + sourceLength + 1;
    if (kind == FTW_D) {
        if (folderCount == capacityFolders) folders = realloc(folders, (capacityFolders = capacityFolders * 2 + 64) * sizeof(Entry));
        folders[folderCount++] = (Entry){strdup(relative), NULL, 0, depth(relative)};
    } else if (kind == FTW_F) {
        if (fileCount == capacityFiles) files = realloc(files, (capacityFiles = capacityFiles * 2 + 64) * sizeof(Entry));
        FILE *file = fopen(path, "rb");
        char *data = malloc(info->st_size ? info->st_size : 1);
        if (!file || fread(data, 1, info->st_size, file) != (size_t)info->st_size) { perror(path); exit(1); }
        fclose(file);
        files[fileCount++] = (Entry){strdup(relative), data, (size_t)info->st_size, 0};
    }
    return 0;
}

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

typedef struct { long index; int level; } Job;

static void *makeFolders(void *argument) {
    Job *job = argument;
    char path[4096];
    for (size_t i = job->index; i < folderCount; i += threads) {
        if (folders[i].depth != job->level) continue;
        snprintf(path, sizeof path, "%s/%s", target, folders[i].path);
        if (mkdir(path, 0755) != 0) { perror(path); exit(1); }
    }
    return NULL;
}

static void *writeFiles(void *argument) {
    Job *job = argument;
    char path[4096];
    for (size_t i = job->index; i < fileCount; i += threads) {
        snprintf(path, sizeof path, "%s/%s", target, files[i].path);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0 || write(fd, files[i].data, files[i].size) != (ssize_t)files[i].size || close(fd) != 0) { perror(path); exit(1); }
    }
    return NULL;
}

static void run(void *(*body)(void *), int level) {
    pthread_t workers[64];
    Job jobs[64];
    for (int i = 0; i < threads; i++) { jobs[i] = (Job){i, level}; pthread_create(&workers[i], NULL, body, &jobs[i]); }
    for (int i = 0; i < threads; i++) pthread_join(workers[i], NULL);
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: write-floor SOURCE TARGET THREADS\n"); return 2; }
    sourceLength = strlen(argv[1]);
    target = argv[2];
    threads = atoi(argv[3]);
    if (threads < 1 || threads > 64) { fprintf(stderr, "THREADS: 1 to 64\n"); return 2; }
    if (nftw(argv[1], collect, 64, FTW_PHYS) != 0) { perror(argv[1]); return 1; }
    int deepest = 0;
    for (size_t i = 0; i < folderCount; i++) if (folders[i].depth > deepest) deepest = folders[i].depth;
    double start = now();
    if (mkdir(target, 0755) != 0) { perror(target); return 1; }
    for (int level = 0; level <= deepest; level++) run(makeFolders, level);
    double made = now();
    run(writeFiles, 0);
    double end = now();
    printf("%zu folders in %.1f ms, %zu files in %.1f ms: %.1f ms\n", folderCount, (made - start) * 1e3, fileCount,
           (end - made) * 1e3, (end - start) * 1e3);
    return 0;
}
