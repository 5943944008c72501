r"""
为什么要有 __main__ 保护
========================

spawn 和 forkserver 的子进程会重新导入主模块。没有 ``if __name__ == "__main__":`` 保护时，
模块顶层“启动子进程”的代码在子进程里又执行一遍，``multiprocessing`` 发现后抛出 ``RuntimeError``。
"""

# %%
# 一个没有保护的小脚本：顶层代码打印 ``__name__``，然后直接启动一个子进程。
import multiprocessing
import os
import subprocess
import sys
import tempfile
import textwrap

UNGUARDED = """\
import multiprocessing, sys

def work():
    print("  work() 运行了", flush=True)

print(f"  顶层代码运行，__name__ = {__name__}", flush=True)
p = multiprocessing.get_context(sys.argv[1]).Process(target=work)
p.start()
p.join()
print(f"  子进程退出码 {p.exitcode}", flush=True)
"""


# %%
# 用每种启动方式各运行一次这个脚本。子进程的标准错误里有一段很长的 ``RuntimeError``，
# 第一次完整打印，之后只说“同上”。
if __name__ == "__main__":
    seen = None
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "unguarded.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write(UNGUARDED)
        for method in multiprocessing.get_all_start_methods():
            print(f"{method}:")
            run = subprocess.run(
                [sys.executable, script, method],
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=30,
                check=False,
            )
            print(run.stdout, end="")
            if "RuntimeError:" not in run.stderr:
                continue
            message = textwrap.dedent(run.stderr.split("RuntimeError:", 1)[1]).strip()
            if message == seen:
                print("  标准错误：同上的 RuntimeError")
            else:
                print("  标准错误：RuntimeError:")
                print(textwrap.indent(message, "    "))
                seen = message
