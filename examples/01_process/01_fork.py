"""
os.fork：调用一次，返回两次
===========================

:func:`os.fork` 复制当前进程：父进程里它返回子进程的 PID，子进程里返回 0。
Windows 没有 ``fork``，脚本在那里只打印一句说明。
"""

# %%
import os
import sys

if not hasattr(os, "fork"):
    print(f"{sys.platform} 上没有 os.fork")
    sys.exit(0)

print(f"Process ({os.getpid()}) start...")
pid = os.fork()
if pid == 0:
    print(f"I'm child process ({os.getpid()}) and my parent is ({os.getppid()})")
    os._exit(0)  # 子进程到此结束，不再执行后面的代码
print(f"I ({os.getpid()}) just created a child process ({pid})")
os.waitpid(pid, 0)  # 等子进程结束，回收它
