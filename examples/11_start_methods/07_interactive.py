r"""
交互式解释器与 notebook
=======================

在交互式解释器里定义的函数，spawn 和 forkserver 的子进程找不到：``__main__`` 没有对应的文件，
子进程无从重新导入。``python -c`` 和 notebook 也是这样。
把工作函数放进模块文件再导入，就没有这个问题。
"""

# %%
# ``SESSION`` 就像在 ``>>>`` 提示符后面逐行输入的代码；
# 用 ``python -c`` 运行它时，``__main__`` 同样没有对应的文件。
import multiprocessing
import os
import subprocess
import sys
import tempfile

SESSION = """\
import multiprocessing, sys
{define}
p = multiprocessing.get_context(sys.argv[1]).Process(target=square, args=(7,))
p.start()
p.join()
print(f"  退出码 {{p.exitcode}}")
"""
IN_SESSION = "def square(x):\n    print(f'  square({x}) = {x * x}')"
FROM_MODULE = "from tasks import square"


def run_session(define, method, cwd):
    code = SESSION.format(define=define)
    run = subprocess.run(
        [sys.executable, "-c", code, method],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )
    print(run.stdout, end="")
    for line in run.stderr.splitlines():
        if line.startswith("AttributeError"):
            print(f"  子进程的标准错误：{line}")


# %%
# 第一轮：函数定义在会话里。第二轮：函数来自 ``tasks.py``。
if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "tasks.py"), "w", encoding="utf-8") as f:
            f.write(IN_SESSION + "\n")
        rounds = [("函数定义在会话里", IN_SESSION), ("函数从 tasks.py 导入", FROM_MODULE)]
        for label, define in rounds:
            print(label)
            for method in multiprocessing.get_all_start_methods():
                print(f" {method}:")
                run_session(define, method, tmp)
