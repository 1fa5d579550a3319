print("iopsite")
