r"""
子进程的 print 为什么晚到或丢失
===============================

标准输出接到终端时按行缓冲，接到管道或文件时按块缓冲：
``print()`` 的内容先留在进程自己的缓冲区里，进程正常退出时才写出去。
子进程用 ``os._exit()`` 退出（或被 ``terminate()``）时，缓冲区里的内容就丢了。
这个例子把一个多进程小程序的标准输出接到管道上，看子进程打印的那一行什么时候到达。
"""

# %%
# ``program`` 是被观察的小程序：子进程打印一行（带上打印时刻），工作 0.5 秒，再按指定方式结束。
import multiprocessing
import os
import subprocess
import sys
import time

CASES = ["默认", "flush=True", "os._exit()"]


def child(case):
    print(f"{time.monotonic()} 子进程：开始工作", flush=case == "flush=True")
    time.sleep(0.5)
    if case == "os._exit()":
        os._exit(0)


def program(method, case):
    p = multiprocessing.get_context(method).Process(target=child, args=(case,))
    p.start()
    p.join()


def observe(case):
    method = multiprocessing.get_start_method()
    cmd = [sys.executable, __file__, "--program", method, case]
    # 设置了 PYTHONUNBUFFERED 的环境里所有输出都不缓冲，这里去掉它，看默认行为。
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    pipe = subprocess.PIPE
    with subprocess.Popen(cmd, stdout=pipe, text=True, encoding="utf-8", env=env) as proc:
        lines = 0
        for line in proc.stdout:  # 每收到一行就处理一行
            printed_at, text = line.split(" ", 1)
            late = time.monotonic() - float(printed_at)
            when = "晚了约 0.5 秒（子进程退出时）" if late > 0.3 else "立刻"
            print(f"{case}：收到“{text.strip()}”，{when}")
            lines += 1
        if lines == 0:
            print(f"{case}：什么也没收到，缓冲区里的内容随进程一起丢了")


# %%
# 同一个脚本带 ``--program`` 参数运行时就是被观察的小程序。
if __name__ == "__main__":
    if sys.argv[1:2] == ["--program"]:
        program(sys.argv[2], sys.argv[3])
    else:
        for case in CASES:
            observe(case)
