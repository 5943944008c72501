r"""
退出码、terminate、kill 与 close
================================

``exitcode`` 是 0（正常结束）、``sys.exit()`` 的参数、1（未捕获的异常），
或者负数 -N（被信号 N 结束）。``terminate()`` 发 ``SIGTERM``、``kill()`` 发 ``SIGKILL``，
子进程来不及执行 ``finally``。``close()`` 释放进程对象占用的资源，之后就不能再用它。
"""

# %%
# ``wait_then_cleanup`` 通知父进程后睡 5 秒，``finally`` 里打印一行。
import multiprocessing
import os
import signal
import sys
import time


def raises():
    raise RuntimeError("子进程里出错了")


def wait_then_cleanup(ready):
    try:
        ready.set()
        time.sleep(5)
    finally:
        print("  finally 运行了", flush=True)


def describe(code):
    return f"{code}（{signal.Signals(-code).name}）" if code < 0 else str(code)


def run(label, target, args=(), stop=None):
    ready = multiprocessing.Event()
    p = multiprocessing.Process(target=target, args=(ready,) if stop else args)
    p.start()
    if stop:
        ready.wait(timeout=10)  # 等子进程进入 try 块
        time.sleep(0.1)  # 再等它进入 sleep()
        stop(p)
    p.join()
    print(f"{label:<24} 退出码 {describe(p.exitcode)}")


def send_sigint(p):
    os.kill(p.pid, signal.SIGINT)


# %%
# 自己结束的四种情况。未捕获的异常会在子进程的标准错误上打印回溯。
if __name__ == "__main__":
    run("return", time.sleep, (0,))
    run("sys.exit(3)", sys.exit, (3,))
    run("os._exit(7)", os._exit, (7,))
    run("raise RuntimeError", raises)

# %%
# 从外面结束：``terminate()`` 和 ``kill()`` 都不执行 ``finally``；
# ``SIGINT`` 变成 ``KeyboardInterrupt``，``finally`` 照常执行
# （Windows 没有可以发给别的进程的 ``SIGINT``，跳过）。
if __name__ == "__main__":
    run("terminate()", wait_then_cleanup, stop=multiprocessing.Process.terminate)
    run("kill()", wait_then_cleanup, stop=multiprocessing.Process.kill)
    if os.name != "nt":
        run("SIGINT", wait_then_cleanup, stop=send_sigint)

# %%
# ``close()``：运行中的进程不能关闭；关闭之后再读属性抛出 ``ValueError``。
if __name__ == "__main__":
    p = multiprocessing.Process(target=time.sleep, args=(0.2,))
    p.start()
    try:
        p.close()
    except ValueError as exc:
        print("运行中 close()：ValueError:", exc)
    p.join()
    p.close()
    try:
        print(p.exitcode)
    except ValueError as exc:
        print("close() 之后读 exitcode：ValueError:", exc)
