"""
os.fork：调用一次，返回两次
===========================

:func:`os.fork` 复制当前进程：父进程里它返回子进程的 PID，子进程里返回 0。
Windows 没有 ``fork``，脚本在那里只打印一句说明。
"""

# %%
# 输出写到管道或文件时，``print`` 的内容先留在缓冲区里：
# ``fork()`` 之前要先 ``flush``，否则缓冲区被复制一份，子进程会把它再打印一遍；
# 子进程用 ``os._exit()`` 结束时不会刷新缓冲区，所以它也要先 ``flush``。
import os
import sys

if not hasattr(os, "fork"):
    print(f"{sys.platform} 上没有 os.fork")
    sys.exit(0)

print(f"进程 {os.getpid()} 开始", flush=True)
pid = os.fork()
if pid == 0:
    print(f"我是子进程 {os.getpid()}，父进程是 {os.getppid()}", flush=True)
    os._exit(0)  # 子进程到此结束，不再执行后面的代码
print(f"我是父进程 {os.getpid()}，刚创建了子进程 {pid}")
os.waitpid(pid, 0)  # 等子进程结束，回收它
