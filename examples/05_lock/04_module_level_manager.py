r"""
管理器和锁在主程序块里创建
==========================

管理器（``Manager()``）和锁在 ``if __name__ == "__main__":`` 里创建，作为参数传给子进程：
在 spawn 下也正确。写在模块顶层的 ``Manager()`` 在 spawn 下根本启动不了：
本例把那种写法放进一个临时脚本，用另一个解释器运行，打印它的结果。
"""

# %%
# 正确的写法：工作函数从参数拿到代理对象和锁。
import multiprocessing
import pathlib
import subprocess
import sys
import tempfile


def add_one(total, lock):
    with lock:
        total.value += 1


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        total = manager.Value("i", 0)
        lock = ctx.Lock()
        procs = [ctx.Process(target=add_one, args=(total, lock)) for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print("管理器和锁作为参数传入（spawn）：", total.value)

# %%
# 错误的写法：``Manager()`` 写在模块顶层，模块顶层的代码打印是哪个进程在执行它。
MODULE_LEVEL = """\
import multiprocessing

ctx = multiprocessing.get_context("spawn")
print("执行模块顶层代码的进程：", multiprocessing.current_process().name, flush=True)
manager = ctx.Manager()
total = manager.Value("i", 0)


def add_one():
    total.value += 1


if __name__ == "__main__":
    p = ctx.Process(target=add_one)
    p.start()
    p.join()
    print(total.value)
"""

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        script = pathlib.Path(tmp, "module_level_manager.py")
        script.write_text(MODULE_LEVEL, encoding="utf-8")
        run = [sys.executable, str(script)]
        done = subprocess.run(
            run, capture_output=True, text=True, encoding="utf-8", timeout=60, check=False
        )
    print(done.stdout, end="")
    print("退出码：", done.returncode)
    errors = [line for line in done.stderr.splitlines() if line[:1].isalpha()]
    print("出现的异常：", [line.split(":")[0] for line in errors if "Error" in line])
    if "bootstrapping phase" in done.stderr:
        print("RuntimeError 的说明：进程还在启动阶段（导入主模块时），不能再启动新进程")
